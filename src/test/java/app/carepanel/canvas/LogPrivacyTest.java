package app.carepanel.canvas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CapturedLogs;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.sync.SyncJob;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Health data stays out of the logs: ids only, at every level the app logs, in success and in failure. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(LogPrivacyTest.DebugLogging.class)
class LogPrivacyTest extends AppTest {

    public static class DebugLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"app.carepanel\".level", "DEBUG",
                    "quarkus.log.category.\"app.carepanel\".min-level", "DEBUG");
        }
    }

    // The phone is checked in its whole forms, not as "416": a line may say a panel took 416 ms.
    private static final List<String> CLIENT_DATA = List.of("sami@example.com", "Sami", "Ruhsuf", "nobody@example.com",
            "broken@example.com", "slow@example.com", "Sarah Johnson", "(416)", "555-0123", "4165550123", "4719854");

    @Test
    void logsNoClientEmailNameOrValuesInAnyOutcome() {
        platform.resetAll();
        intercom.resetAll();
        reset.all();
        reset.install(CanvasPayloads.WORKSPACE);
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "nobody@example.com");
        platform.stubFor(PlatformFixtures.lookupOf("broken@example.com").willReturn(PlatformFixtures.json("{\"clients\": [{")));
        platform.stubFor(PlatformFixtures.lookupOf("slow@example.com").willReturn(aResponse().withStatus(500)));

        try (CapturedLogs logs = CapturedLogs.install()) {
            for (String email : List.of("sami@example.com", "nobody@example.com", "broken@example.com", "slow@example.com")) {
                Signed.canvas(CanvasPayloads.initialize("c-1", email)).post("/canvas/initialize").then().statusCode(200);
                Signed.canvas(CanvasPayloads.submit("c-1", email, "refresh", "all")).post("/canvas/submit").then().statusCode(200);
            }
            Signed.canvas(CanvasPayloads.initialize("c-1", "Sami Ruhsuf <sami@example")).post("/canvas/initialize");
            // The background sync of the same client, from a webhook to the write (the failures above opened
            // the platform's circuit breaker).
            reset.breakers();
            installed("ws-private");
            IntercomFixtures.contactExists(intercom, "c-private", "sami@example.com");
            IntercomFixtures.attributesExist(intercom, Map.of());
            IntercomFixtures.writesSucceed(intercom);
            Signed.webhook(WebhookPayloads.emailUpdated("n-private", "ws-private", "c-private"))
                    .post("/webhooks/intercom").then().statusCode(200);
            // The worker logs its outcome after the write is seen by the stub, so wait for the line itself.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(logs.lines()).anySatisfy(line ->
                            assertThat(line).contains("Synced contact c-private in workspace ws-private")));
            assertThat(intercom.findAll(IntercomFixtures.writesTo("c-private"))).isNotEmpty();
            // The panel views above queued a sync of c-1 as well: its lines are checked once a worker has handled it.
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    SyncJob.<SyncJob>find("workspaceId = ?1 and contactId = ?2", "ws-test", "c-1").firstResultOptional()
                            .map(job -> job.lastOutcome != null || job.lastError != null).orElse(false)));
            Signed.canvas("{\"workspace_id\": \"ws\", \"contact\": {\"email\": \"sami@example.com\"").post("/canvas/initialize");

            assertThat(logs.lines()).as("the app's own lines were captured, so the check is not vacuous")
                    .anySatisfy(line -> assertThat(line).contains("Platform lookup failed in workspace ws-test"));
            for (String line : logs.lines()) {
                for (String value : CLIENT_DATA) {
                    assertThat(line).as("log line must not contain client data").doesNotContain(value);
                }
            }
        }
    }

    @Test
    void logsNoSearchQueryMatchOrLinkedClientInAnyOutcome() {
        PlatformFixtures.answer(platform, "elsewhere@example.net");
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).withQueryParam("q", equalTo("Ruhsuf"))
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients(PlatformFixtures.SAMI))));
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).withQueryParam("q", equalTo("Sami"))
                .willReturn(aResponse().withStatus(500)));
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).withQueryParam("q", equalTo("Sarah Johnson"))
                .willReturn(aResponse().withStatus(429)));
        platform.stubFor(get(urlPathEqualTo("/v1/clients/4719854")).willReturn(PlatformFixtures.json(PlatformFixtures.SAMI)));

        try (CapturedLogs logs = CapturedLogs.install()) {
            for (String query : List.of("Ruhsuf", "Sami", "Sarah Johnson", "S")) {
                submit("search-clients", Map.of("client-query", query));
            }
            submit("pick-client-4719854", Map.of());
            submit("link-client-4719854", Map.of());
            Signed.canvas(CanvasPayloads.initialize("c-1", "elsewhere@example.net")).post("/canvas/initialize")
                    .then().statusCode(200);
            submit("unlink-client", Map.of());

            assertThat(logs.lines()).as("the app's own lines were captured, so the check is not vacuous")
                    .anySatisfy(line -> assertThat(line).contains("Client search in workspace ws-test"));
            for (String line : logs.lines()) {
                for (String value : CLIENT_DATA) {
                    assertThat(line).as("log line must not contain client data").doesNotContain(value);
                }
            }
        }
    }

    private static void submit(String componentId, Map<String, String> inputs) {
        Signed.canvas(CanvasPayloads.submitWith("c-1", "elsewhere@example.net", componentId, inputs,
                Map.of("view", "summary", "name-4719854", "Sami Ruhsuf"))).post("/canvas/submit").then().statusCode(200);
    }
}
