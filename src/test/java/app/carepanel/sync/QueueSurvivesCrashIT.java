package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.PackagedApp;
import app.carepanel.support.PackagedAppStubs;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import io.restassured.RestAssured;

/**
 * A webhook acknowledged by an instance that then dies is still written: the packaged app takes notifications in
 * without workers, is killed (no shutdown), and a new instance on the same database writes every contact.
 */
class QueueSurvivesCrashIT {

    private PackagedAppStubs stubs;
    private WireMockServer platform;
    private WireMockServer intercom;

    @BeforeEach
    void stubs() {
        PackagedApp.emptyTheSharedQueue();
        stubs = PackagedAppStubs.withContacts("crash", 3).tokenOwnedBy("ws-crash");
        platform = stubs.platform;
        intercom = stubs.intercom;
    }

    @AfterEach
    void stopStubs() {
        stubs.stop();
    }

    private Map<String, String> environment(int workers) {
        return Map.of("INTERCOM_CLIENT_SECRET", Signed.SECRET,
                "INTERCOM_ACCESS_TOKEN", PackagedAppStubs.TOKEN,
                "INTERCOM_API_URL", intercom.baseUrl(),
                "PLATFORM_API_URL", platform.baseUrl(),
                "SYNC_WORKERS", String.valueOf(workers),
                "SYNC_CHANGES_POLL_INTERVAL", "off",
                "QUARKUS_LOG_CATEGORY__APP_CAREPANEL__LEVEL", "DEBUG");
    }

    @Test
    void writesContactsAcknowledgedBeforeACrash() throws Exception {
        Path db = Files.createTempDirectory("care-panel-it").resolve("db");
        try (PackagedApp first = PackagedApp.start(environment(0), db)) {
            for (int i = 1; i <= 3; i++) {
                Signed.webhook(WebhookPayloads.clientReplied("notif-crash-" + i, "ws-crash", "conv-" + i, "crash-" + i))
                        .post(first.url() + "/webhooks/intercom")
                        .then().statusCode(200);
            }
            first.kill();
        }
        assertThat(intercom.findAll(IntercomFixtures.writesTo("crash-1"))).isEmpty();

        try (PackagedApp second = PackagedApp.start(environment(2), db)) {
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (int i = 1; i <= 3; i++) {
                        assertThat(intercom.findAll(IntercomFixtures.writesTo("crash-" + i)))
                                .as("write of crash-%d", i).hasSize(1);
                    }
                });
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("not written; the second instance logged:\n" + second.log(), e);
            }
            assertThat(intercom.findAll(IntercomFixtures.writesTo("crash-1")).get(0).getBodyAsString())
                    .contains("\"Platform Account Exists\":\"No\"");
        }
        RestAssured.reset();
    }
}
