package app.carepanel.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator scrapes and reads: Prometheus metrics without client data, and the OpenAPI description. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class ObservabilityTest extends AppTest {

    @Test
    void metricsCountPanelAnswersPlatformCallsSyncsAndWebhooksWithoutClientData() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, "c-metrics", "sami@example.com");
        IntercomFixtures.attributesExist(intercom, Map.of());
        IntercomFixtures.writesSucceed(intercom);

        Signed.canvas(CanvasPayloads.initialize("c-metrics", "sami@example.com")).post("/canvas/initialize")
                .then().statusCode(200);
        Signed.canvas(CanvasPayloads.initialize("c-metrics", "sami@example.com")).post("/canvas/initialize")
                .then().statusCode(200);
        Signed.webhook(WebhookPayloads.emailUpdated("n-metrics", CanvasPayloads.WORKSPACE, "c-metrics"))
                .post("/webhooks/intercom").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics())
                .containsPattern("care_panel_sync_attempts_total\\{[^}]*result=\"(written|unchanged)\"")
                .containsPattern("care_panel_intercom_calls_total\\{[^}]*status=\"2xx\""));
        String metrics = metrics();
        assertThat(metrics).containsPattern("# HELP care_panel_sync_attempts \\S");
        assertThat(metrics)
                .containsPattern("care_panel_canvas_answers_seconds_count\\{[^}]*outcome=\"shown\"")
                .containsPattern("care_panel_canvas_answers_seconds_count\\{[^}]*outcome=\"cached\"")
                .containsPattern("care_panel_platform_calls_seconds_count\\{[^}]*operation=\"lookup\",outcome=\"ok\"")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"client-profiles\"[^}]*result=\"hit\"")
                .containsPattern("care_panel_webhooks_acknowledged_total\\{[^}]*result=\"queued\"")
                .containsPattern("care_panel_sync_jobs\\{[^}]*state=\"pending\"");
        assertThat(metrics).doesNotContain("sami@example.com", "Sami", "c-metrics", "4719854");
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        String openapi = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertThat(openapi).contains("/canvas/initialize", "/canvas/submit", "/webhooks/intercom", "/install",
                "/install/callback", "/uninstall", "/sync/contacts/{contactId}", "/sync/status", "/audit/access");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
