package app.carepanel.canvas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.http.Fault;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every state the panel can be in besides showing fresh data, each a valid canvas with status 200. The sync
 * workers are off: the platform stub sees the panel's calls only.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@TestProfile(NoSyncWorkers.class)
class PanelStatesTest extends AppTest {

    private static CanvasView initialize(String body) {
        return CanvasView.initializeResponse(
                Signed.canvas(body).post("/canvas/initialize").then().statusCode(200).extract().asString());
    }

    private static CanvasView refresh(String email) {
        return CanvasView.submitResponse(Signed.canvas(CanvasPayloads.submit("c-1", email, "refresh", "summary"))
                .post("/canvas/submit").then().statusCode(200).extract().asString());
    }

    @Test
    void saysSoWhenContactHasNoEmail() {
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", null));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("no email address");
        assertThat(canvas.buttonIds()).containsExactly("refresh");
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void saysSoWhenEmailIsInvalid() {
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "not-an-address@"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not a valid address");
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void doesNotLookUpExcludedAddressInAnyCase() {
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "Support@Practice.Example"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("shared or system address");
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void doesNotLookUpAddressOfExcludedDomain() {
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "front-desk@NOREPLY.example"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("shared or system address");
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void doesNotLookUpWhenConversationRepliesToExcludedAddress() {
        CanvasView canvas = initialize(
                CanvasPayloads.initializeWithReplyTo("c-1", "sami@example.com", "support@practice.example"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("shared or system address");
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void saysNoAccountAndOffersFindClientAndRefresh() {
        PlatformFixtures.answer(platform, "nobody@example.com");
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "nobody@example.com"));
        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).contains("No platform account"));
        assertThat(canvas.buttonIds()).containsExactly("find-client", "refresh");
        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).startsWith("Checked "));
    }

    @Test
    void saysPlatformIsUnavailableWhenItFailsAndNothingIsKnown() {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withStatus(500)));
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        // Intercom's guidance: error states are a plain muted paragraph, not the red error style.
        assertThat(canvas.texts("error")).isEmpty();
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not responding");
        assertThat(canvas.buttonIds()).containsExactly("refresh");
        assertThat(canvas.tableCount()).isZero();
    }

    @Test
    void retriesPlatformFailuresBeforeGivingUp() {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withStatus(503)));
        initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        platform.verify(3, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void doesNotRetryWhenPlatformRefusesTheRequest() {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withStatus(401)));
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not responding");
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void treatsGarbageJsonAsPlatformFailure() {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com")
                .willReturn(PlatformFixtures.json("{\"clients\": [ {\"id\": 1, ")));
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not responding");
    }

    @Test
    void treatsDroppedConnectionAsPlatformFailure() {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not responding");
    }

    @Test
    void showsLastKnownDataWithStaleNoticeWhenPlatformGoesDown() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        CanvasView fresh = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        String updated = fresh.texts("muted").get(fresh.texts("muted").size() - 1);

        platform.resetAll();
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withStatus(502)));
        CanvasView stale = refresh("sami@example.com");

        assertThat(stale.texts("muted").get(0))
                .contains("not responding")
                .contains(updated.substring("Updated ".length()))
                .contains("out of date");
        assertThat(stale.field("Therapist Name")).isEqualTo("Dr. Sarah Johnson, Dr. Michael Chen");
        assertThat(stale.texts("muted")).contains(updated);
    }

    @Test
    void keepsTheLastKnownDataOfAClientWithAHugeNameCutAsThePanelCutsIt() {
        String huge = "A".repeat(1_000_000);
        PlatformFixtures.answer(platform, "sami@example.com",
                PlatformFixtures.SAMI.replace("\"firstName\": \"Sami\"", "\"firstName\": \"" + huge + "\""));
        initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));

        platform.resetAll();
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withStatus(503)));
        CanvasView stale = refresh("sami@example.com");

        assertThat(stale.texts("muted").get(0)).contains("last data fetched");
        String name = stale.texts("header").get(0);
        assertThat(name).startsWith("AAAA").endsWith("…");
        assertThat(name.length()).isLessThanOrEqualTo(1000);
        assertThat(stale.field("Therapist Name")).isEqualTo("Dr. Sarah Johnson, Dr. Michael Chen");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void showsLastKnownDataWhenPlatformAnswerBreaksMidBody(Fault fault) {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        CanvasView fresh = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        String updated = fresh.texts("muted").get(fresh.texts("muted").size() - 1);

        platform.resetAll();
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withFault(fault)));
        CanvasView stale = refresh("sami@example.com");

        assertThat(stale.texts("muted").get(0)).contains("not responding").contains("out of date");
        assertThat(stale.field("Therapist Name")).isEqualTo("Dr. Sarah Johnson, Dr. Michael Chen");
        assertThat(stale.texts("muted")).contains(updated);
        // Retried like a 5xx: the first try and two retries.
        platform.verify(3, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void saysPlatformIsUnavailableWhenItsAnswerBreaksAndNothingIsKnown(Fault fault) {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com").willReturn(aResponse().withFault(fault)));
        CanvasView canvas = initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        assertThat(canvas.texts("muted")).singleElement().asString().contains("not responding");
        platform.verify(3, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void showsLastKnownNoAccountWhenPlatformGoesDown() {
        PlatformFixtures.answer(platform, "nobody@example.com");
        initialize(CanvasPayloads.initialize("c-1", "nobody@example.com"));
        platform.resetAll();
        platform.stubFor(PlatformFixtures.lookupOf("nobody@example.com").willReturn(aResponse().withStatus(500)));

        CanvasView stale = refresh("nobody@example.com");

        assertThat(stale.texts("muted").get(0)).contains("last data fetched");
        assertThat(stale.texts("muted")).anySatisfy(t -> assertThat(t).contains("No platform account"));
    }

    @Test
    void answersWithinThreeSecondsWhenPlatformHangs() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        initialize(CanvasPayloads.initialize("c-1", "sami@example.com"));
        platform.resetAll();
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com")
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients(PlatformFixtures.SAMI)).withFixedDelay(10_000)));

        long started = System.nanoTime();
        CanvasView stale = refresh("sami@example.com");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stale.texts("muted").get(0)).contains("not responding");
        assertThat(stale.field("Unpaid Invoices")).isEqualTo("Yes, CAD$150 due");
        // The answer comes from the 2 s budget, not from the platform's answer 10 s later. How far under the
        // promised 3 s it is gets measured by bench/latency.sh, not here on a busy machine.
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void readsContactFromCustomerInOlderPayloads() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        CanvasView canvas = initialize(CanvasPayloads.initializeAsCustomer("c-1", "sami@example.com"));
        assertThat(canvas.texts("header")).containsExactly("Sami Ruhsuf");
    }

    @Test
    void saysSoWhenRequestHasNoContactAtAll() {
        CanvasView canvas = initialize("{\"workspace_id\": \"ws-test\", \"workspace_region\": \"us\"}");
        assertThat(canvas.texts("muted")).singleElement().asString().contains("no contact");
    }
}
