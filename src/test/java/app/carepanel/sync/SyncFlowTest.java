package app.carepanel.sync;

import static io.restassured.RestAssured.given;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CapturedLogs;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * From a trigger to the write on the Intercom contact, with the workers running: what is written, and how
 * Intercom's answers (merges, gone contacts, limits, failures) are handled. Each test has its own workspace, so
 * limits and refusals of one do not reach another.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class SyncFlowTest extends AppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    SyncJobs jobs;

    @BeforeEach
    void blankState() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "nobody@example.com");
        IntercomFixtures.contactExists(intercom, "c-sami", "sami@example.com");
        IntercomFixtures.contactExists(intercom, "c-nobody", "nobody@example.com");
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
    }

    private void clientReplied(String contactId) {
        Signed.webhook(WebhookPayloads.clientReplied("n-" + workspace + "-" + System.nanoTime(), workspace, "conv-1", contactId))
                .post("/webhooks/intercom").then().statusCode(200);
    }

    private void awaitWrites(String contactId, int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo(contactId))).hasSize(count));
    }

    private SyncJob job(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.of(workspace, contactId).orElseThrow());
    }

    @Test
    void writesEveryAttributeOfTheClientAsTheRuleBookSays() {
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        Map<String, Object> written = IntercomFixtures.lastWrite(intercom, "c-sami");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Platform Account Exists", "Yes");
        expected.put("Client ID", "4719854");
        expected.put("Name", "Sami Ruhsuf");
        expected.put("Phone Number", "+14165550123");
        expected.put("Client Profile Link", "https://app.ruhcare.com/users/4719854/overview");
        expected.put("Client Status", "Active");
        expected.put("Client Since", "Oct 22, 2024 - 11:00 a.m. EDT");
        expected.put("Therapist Name", "Dr. Sarah Johnson, Dr. Michael Chen");
        expected.put("Tags", "SuperBill, Premium, Therapy");
        expected.put("Group", "Active Therapy Clients");
        expected.put("Unpaid Invoices", "Yes, CAD$150 due");
        expected.put("Card on File", "Yes");
        expected.put("Number of Sessions", "2 sessions (1 late cancellation)");
        expected.put("Last Appointment", "Dec 15, 2025 - 2:00 p.m. EST");
        expected.put("Next Appointment", "Dec 22, 2099 - 2:00 p.m. EST");
        expected.put("Intake Forms Completed", "Yes");
        expected.put("Sub Org", "Ruh Care Inc");
        expected.put("Multiple Accounts", "No");
        expected.put("Linked Accounts", "Jane Smith (Spouse), Tommy Smith (Child)");
        expected.put("sessions_count", 2);
        expected.put("platform_account_exists", true);
        assertThat(written).containsAllEntriesOf(expected);
        assertThat(written.get("Time Zone").toString()).matches("America/Toronto \\(E[SD]T\\)");
        assertThat(written.get("User Data Updated On").toString())
                .matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4} - \\d{1,2}:\\d{2} [ap]\\.m\\. E[SD]T");
        assertThat(((Number) written.get("unpaid_balance")).doubleValue()).isEqualTo(150.0);
        assertThat(((Number) written.get("next_appointment_at")).longValue())
                .isEqualTo(Instant.parse("2099-12-22T19:00:00Z").getEpochSecond());
        assertThat(((Number) written.get("last_appointment_at")).longValue())
                .isEqualTo(Instant.parse("2025-12-15T19:00:00Z").getEpochSecond());
        assertThat(((Number) written.get("client_since_at")).longValue())
                .isEqualTo(Instant.parse("2024-10-22T15:00:00Z").getEpochSecond());
        assertThat(written).hasSize(27);
    }

    @Test
    void writesNoAndDashesWhenTheEmailHasNoPlatformAccount() {
        clientReplied("c-nobody");
        awaitWrites("c-nobody", 1);

        Map<String, Object> written = IntercomFixtures.lastWrite(intercom, "c-nobody");
        assertThat(written).containsEntry("Platform Account Exists", "No").containsEntry("Multiple Accounts", "No")
                .containsEntry("platform_account_exists", false);
        assertThat(written.get("User Data Updated On").toString()).isNotEqualTo("-");
        for (String name : IntercomFixtures.ALL_ATTRIBUTES.keySet()) {
            if (!name.equals("Platform Account Exists") && !name.equals("Multiple Accounts")
                    && !name.equals("User Data Updated On") && !name.equals("platform_account_exists")) {
                assertThat(written).as(name).containsKey(name);
                assertThat(written.get(name)).as(name).isIn("-", null);
            }
        }
    }

    @Test
    void writesTheContactATeammateViews() {
        Signed.canvas(CanvasPayloads.initialize("c-sami", "sami@example.com").replace(CanvasPayloads.WORKSPACE, workspace))
                .post("/canvas/initialize").then().statusCode(200);
        awaitWrites("c-sami", 1);
        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsEntry("Name", "Sami Ruhsuf");
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
        intercom.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/contacts/c-sami")));
    }

    private void view(String componentId) {
        String payload = componentId == null ? CanvasPayloads.initialize("c-sami", "sami@example.com")
                : CanvasPayloads.submit("c-sami", "sami@example.com", componentId, "summary");
        Signed.canvas(payload.replace(CanvasPayloads.WORKSPACE, workspace))
                .post(componentId == null ? "/canvas/initialize" : "/canvas/submit").then().statusCode(200);
    }

    @Test
    void viewsOfAContactWhoseDataItAlreadyHoldsRunNoSyncAndWriteNothing() {
        view(null);
        awaitWrites("c-sami", 1);
        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.DONE);
        SyncJob done = job("c-sami");
        assertThat(done.dataAsOf).isNotNull();

        for (int i = 0; i < 5; i++) {
            view(null);
        }

        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> job("c-sami").version == done.version);
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).hasSize(1);
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void aRefreshThatBringsNewDataWritesIt() {
        view(null);
        awaitWrites("c-sami", 1);
        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.DONE);
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI.replace("\"cardOnFile\": true", "\"cardOnFile\": false"));

        view("refresh");

        awaitWrites("c-sami", 2);
        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsEntry("Card on File", "No");
    }

    @Test
    void writesEveryAttributeWhenTheWorkspaceAttributesCannotBeListed() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(IntercomFixtures.json(404,
                "{\"type\":\"error.list\",\"errors\":[{\"code\":\"not_found\",\"message\":\"Not found\"}]}")));
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);
        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).hasSize(27);
        intercom.verify(0, postRequestedFor(urlEqualTo("/data_attributes")));
    }

    @Test
    void neverLooksUpNorWritesAnExcludedContact() {
        IntercomFixtures.contactExists(intercom, "c-desk", "support@practice.example");
        clientReplied("c-desk");
        await().atMost(PATIENCE).until(() -> job("c-desk").lastOutcome == SyncOutcome.NOT_LOOKED_UP);
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-desk"))).isEmpty();
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void neverWritesAContactWithoutEmail() {
        IntercomFixtures.contactExists(intercom, "c-anon", null);
        clientReplied("c-anon");
        await().atMost(PATIENCE).until(() -> job("c-anon").lastOutcome == SyncOutcome.NOT_LOOKED_UP);
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-anon"))).isEmpty();
    }

    @Test
    void createsMissingAttributesWithTheirTypes() {
        IntercomFixtures.attributesExist(intercom, Map.of());
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        intercom.verify(27, postRequestedFor(urlEqualTo("/data_attributes")));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"Client ID\",\"model\":\"contact\",\"data_type\":\"string\"}", true, true)));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"next_appointment_at\",\"model\":\"contact\",\"data_type\":\"date\"}", true, true)));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"unpaid_balance\",\"data_type\":\"float\"}", true, true)));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"sessions_count\",\"data_type\":\"integer\"}", true, true)));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"platform_account_exists\",\"data_type\":\"boolean\"}", true, true)));
    }

    @Test
    void writesAttributesAnotherInstanceCreatedAtTheSameMoment() {
        // The first listing is empty; every creation is refused because another instance has just made it, and
        // the next listing (the stub of blankState) has them all.
        Map<String, String> created = IntercomFixtures.ALL_ATTRIBUTES;
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"list\",\"data\":[]}")).willSetStateTo("created"));
        intercom.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/data_attributes"))
                .willReturn(IntercomFixtures.json(400, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"parameter_invalid\","
                        + "\"message\":\"You already have this attribute\"}]}")));

        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsKeys("Client ID", "Name", "unpaid_balance")
                .hasSize(created.size());
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-sync-token").get("/sync/status")
                .then().statusCode(200).body("attributeProblems", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey(workspace)));
    }

    @Test
    void leavesAnAttributeOfAnotherTypeAloneAndDoesNotWriteIt() {
        Map<String, String> existing = new LinkedHashMap<>(IntercomFixtures.ALL_ATTRIBUTES);
        existing.put("Client ID", "integer");
        IntercomFixtures.attributesExist(intercom, existing);
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).doesNotContainKey("Client ID").containsKey("Name");
        intercom.verify(0, postRequestedFor(urlEqualTo("/data_attributes")));
    }

    @Test
    void writesWhatExistsWhenTheWorkspaceIsAtItsAttributeCap() {
        Map<String, String> existing = new LinkedHashMap<>(IntercomFixtures.ALL_ATTRIBUTES);
        existing.remove("Linked Accounts");
        existing.remove("sessions_count");
        IntercomFixtures.attributesExist(intercom, existing);
        intercom.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/data_attributes"))
                .willReturn(IntercomFixtures.json(422, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"limit_reached\","
                        + "\"message\":\"You have reached the limit of custom data attributes\"}]}")));
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).doesNotContainKeys("Linked Accounts", "sessions_count")
                .containsKey("Name");
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-sync-token").get("/sync/status")
                .then().statusCode(200)
                .body("attributeProblems." + workspace + "[0]", org.hamcrest.Matchers.containsString("250 custom-attribute cap"));
    }

    @Test
    void skipsAWriteWhenNothingButTheFetchTimeChanged() {
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);
        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.DONE);

        clientReplied("c-sami");
        await().atMost(PATIENCE).until(() -> {
            SyncJob read = job("c-sami");
            return read.lastOutcome == SyncOutcome.UNCHANGED && read.status == SyncJob.Status.DONE;
        });
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).hasSize(1);
    }

    @Test
    void writesAgainWhenAValueChanged() {
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);
        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.DONE);
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI.replace("\"cardOnFile\": true", "\"cardOnFile\": false"));

        Signed.webhook(WebhookPayloads.emailUpdated("n-email-" + workspace, workspace, "c-sami"))
                .post("/webhooks/intercom").then().statusCode(200);
        awaitWrites("c-sami", 2);
        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsEntry("Card on File", "No");
    }

    @Test
    void followsAMergedContactToItsCanonicalContact() {
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-old")).willReturn(aResponse().withStatus(410)
                .withHeader("Link", "</contacts/c-sami>; rel=\"canonical\"")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"contact_merged\",\"message\":\"merged\"}]}")));
        clientReplied("c-old");
        awaitWrites("c-sami", 1);
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-old"))).isEmpty();
    }

    @Test
    void endsQuietlyWhenTheContactIsGone() {
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-deleted")).willReturn(IntercomFixtures.json(404,
                "{\"type\":\"error.list\",\"errors\":[{\"code\":\"not_found\",\"message\":\"User Not Found\"}]}")));
        clientReplied("c-deleted");
        await().atMost(PATIENCE).until(() -> job("c-deleted").lastOutcome == SyncOutcome.CONTACT_GONE);
        assertThat(job("c-deleted").status).isEqualTo(SyncJob.Status.DONE);
        assertThat(job("c-deleted").lastError).isNull();
    }

    @Test
    void waitsForTheResetAfterA429AndThenWrites() {
        // Far enough ahead that the 429 comes before it on a busy machine (a reset already past is not a pause).
        long reset = Instant.now().plusSeconds(5).getEpochSecond();
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "166")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", String.valueOf(reset)))
                .willSetStateTo("open"));
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"contact\",\"id\":\"c-sami\"}")));
        clientReplied("c-sami");

        awaitWrites("c-sami", 2);
        var writes = intercom.findAll(IntercomFixtures.writesTo("c-sami"));
        assertThat(writes.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        await().atMost(PATIENCE).until(() -> job("c-sami").lastOutcome == SyncOutcome.WRITTEN);
    }

    @Test
    void retriesServerErrorsWithBackoffUntilTheWriteSucceeds() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("healthy"));
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"contact\",\"id\":\"c-sami\"}")));
        clientReplied("c-sami");

        awaitWrites("c-sami", 3);
        var writes = intercom.findAll(IntercomFixtures.writesTo("c-sami"));
        Duration firstWait = Duration.between(writes.get(0).getLoggedDate().toInstant(), writes.get(1).getLoggedDate().toInstant());
        Duration secondWait = Duration.between(writes.get(1).getLoggedDate().toInstant(), writes.get(2).getLoggedDate().toInstant());
        // Test backoff: 100 ms first, 200 ms second, each with jitter between half and all of it.
        assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        await().atMost(PATIENCE).until(() -> job("c-sami").lastOutcome == SyncOutcome.WRITTEN);
    }

    @Test
    void retriesATimeoutAndThenWrites() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(IntercomFixtures.json(200, "{}").withFixedDelay((int) IntercomStub.READ_TIMEOUT_MILLIS + 1000))
                .willSetStateTo("fast"));
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"contact\",\"id\":\"c-sami\"}")));
        clientReplied("c-sami");
        awaitWrites("c-sami", 2);
        await().atMost(PATIENCE).until(() -> job("c-sami").lastOutcome == SyncOutcome.WRITTEN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void retriesAPlatformAnswerBrokenMidBodyLikeAServerError(Fault fault) {
        // Three broken answers: the first try and both retries of one attempt; the next attempt gets the data.
        platform.resetAll();
        String[] states = {Scenario.STARTED, "second", "third"};
        for (int i = 0; i < states.length; i++) {
            platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").inScenario("broken")
                    .whenScenarioStateIs(states[i]).willReturn(aResponse().withFault(fault))
                    .willSetStateTo(i + 1 < states.length ? states[i + 1] : "healthy"));
        }
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").inScenario("broken").whenScenarioStateIs("healthy")
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients(PlatformFixtures.SAMI))));

        try (CapturedLogs logs = CapturedLogs.install()) {
            clientReplied("c-sami");
            // One read per check: two reads could see PENDING, then RUNNING, and pass mid-retry.
            await().atMost(PATIENCE).until(() -> {
                SyncJob read = job("c-sami");
                return read.status != SyncJob.Status.RUNNING && read.status != SyncJob.Status.PENDING;
            });
            assertThat(job("c-sami").lastOutcome).isEqualTo(SyncOutcome.WRITTEN);
            assertThat(logs.lines()).noneMatch(line -> line.contains("failed unexpectedly"));
        }
        platform.verify(4, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void retriesABrokenIntercomAnswer(Fault fault) {
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-sami")).inScenario("broken").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("healthy"));
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-sami")).inScenario("broken").whenScenarioStateIs("healthy")
                .willReturn(IntercomFixtures.json(200,
                        "{\"type\":\"contact\",\"id\":\"c-sami\",\"role\":\"user\",\"email\":\"sami@example.com\"}")));

        try (CapturedLogs logs = CapturedLogs.install()) {
            clientReplied("c-sami");
            await().atMost(PATIENCE).until(() -> job("c-sami").lastOutcome == SyncOutcome.WRITTEN);
            assertThat(logs.lines()).noneMatch(line -> line.contains("failed unexpectedly"));
        }
        assertThat(intercom.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/contacts/c-sami")))).hasSize(2);
    }

    @Test
    void marksAJobThatKeepsFailingAsFailedWithAReasonFreeOfClientData() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).willReturn(aResponse().withStatus(500)));
        clientReplied("c-sami");

        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.FAILED);
        SyncJob failed = job("c-sami");
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).contains("500").doesNotContain("sami").doesNotContain("Sami");
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).hasSize(3);
    }

    @Test
    void keepsJobsPendingWhenTheTokenIsRefused() {
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-sami")).willReturn(IntercomFixtures.json(401,
                "{\"type\":\"error.list\",\"errors\":[{\"code\":\"unauthorized\",\"message\":\"Access Token Invalid\"}]}")));
        clientReplied("c-sami");

        await().atMost(PATIENCE).until(() -> job("c-sami").lastError != null);
        SyncJob waiting = job("c-sami");
        assertThat(waiting.status).isEqualTo(SyncJob.Status.PENDING);
        assertThat(waiting.attempts).isZero();
        assertThat(waiting.lastError).contains("401");
        assertThat(waiting.nextAttemptAt).isAfter(Instant.now().plusSeconds(60));
    }

    @Test
    void neverParksAContactBeyondAMinuteForAFarRateLimitResetAndMakesItDueWhenAPersonAsks() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-sami")).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", Long.toString(Instant.now().plus(Duration.ofDays(3650)).getEpochSecond()))));
        clientReplied("c-sami");

        await().atMost(PATIENCE).until(() -> job("c-sami").lastError != null);
        SyncJob parked = job("c-sami");
        assertThat(parked.status).isEqualTo(SyncJob.Status.PENDING);
        assertThat(parked.attempts).isZero();
        assertThat(parked.nextAttemptAt).isBefore(Instant.now().plusSeconds(61));

        given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", workspace)
                .post("/sync/contacts/c-sami").then().statusCode(202);
        SyncJob asked = job("c-sami");
        assertThat(asked.status == SyncJob.Status.RUNNING || !asked.nextAttemptAt.isAfter(Instant.now()))
                .as("due at once, or taken by a worker: %s at %s", asked.status, asked.nextAttemptAt).isTrue();
    }

    @Test
    void aBurstOfMessagesForOneContactCostsOneReadOneLookupAndOneWrite() {
        for (int i = 0; i < 40; i++) {
            clientReplied("c-sami");
        }
        await().atMost(PATIENCE).until(() -> job("c-sami").status == SyncJob.Status.DONE);

        assertThat(intercom.findAll(getRequestedFor(urlPathEqualTo("/contacts/c-sami")))).as("contact reads").hasSizeLessThanOrEqualTo(1);
        assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).as("writes").hasSize(1);
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void shortensValuesOverIntercomsLimit() {
        String manyTags = "\"tags\": [" + String.join(",", java.util.Collections.nCopies(40, "\"Long Therapy Tag\"")) + "]";
        PlatformFixtures.answer(platform, "sami@example.com",
                PlatformFixtures.SAMI.replace("\"tags\": [\"SuperBill\", \"Premium\", \"Therapy\"]", manyTags));
        clientReplied("c-sami");
        awaitWrites("c-sami", 1);

        String tags = IntercomFixtures.lastWrite(intercom, "c-sami").get("Tags").toString();
        assertThat(tags).hasSize(255).startsWith("Long Therapy Tag, Long Therapy Tag").endsWith("…");
    }

    @Test
    void removesTheSyncTagAfterWriting() {
        Signed.webhook(WebhookPayloads.tagged("n-tag-" + workspace, workspace, "conv-9", "tag-77", "Platform-Sync",
                "admin-5", "c-sami")).post("/webhooks/intercom").then().statusCode(200);
        awaitWrites("c-sami", 1);
        await().atMost(PATIENCE).untilAsserted(() -> intercom.verify(deleteRequestedFor(
                urlEqualTo("/conversations/conv-9/tags/tag-77")).withRequestBody(equalToJson("{\"admin_id\":\"admin-5\"}"))));
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void takesOverAJobWhoseWorkerDiedMidway() {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob orphan = new SyncJob();
            orphan.workspaceId = workspace;
            orphan.contactId = "c-sami";
            orphan.status = SyncJob.Status.RUNNING;
            orphan.claimedBy = "worker-that-crashed";
            orphan.leaseUntil = Instant.now().minusSeconds(1);
            orphan.lastTrigger = SyncTrigger.MESSAGE;
            orphan.createdAt = orphan.updatedAt = orphan.queuedAt = orphan.nextAttemptAt = Instant.now().minusSeconds(200);
            orphan.persist();
        });
        awaitWrites("c-sami", 1);
    }
}
