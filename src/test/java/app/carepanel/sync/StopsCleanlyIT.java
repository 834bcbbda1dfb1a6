package app.carepanel.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.empty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

/**
 * Stopping the app (SIGTERM, as a deployment does) while its workers wait for Intercom's rate limit hands their
 * contacts back: nothing is stuck running, nothing counts as failed, the database is not damaged, and the next
 * instance writes every contact.
 */
class StopsCleanlyIT {

    private static final int CONTACTS = 4;

    private PackagedAppStubs stubs;
    private WireMockServer platform;
    private WireMockServer intercom;

    @BeforeEach
    void stubs() {
        PackagedApp.emptyTheSharedQueue();
        stubs = PackagedAppStubs.withContacts("stop", CONTACTS).tokenOwnedBy("ws-stop");
        platform = stubs.platform;
        intercom = stubs.intercom;
    }

    @AfterEach
    void stopStubs() {
        stubs.stop();
    }

    private Map<String, String> environment(String perMinute) {
        Map<String, String> env = new HashMap<>(Map.of("INTERCOM_CLIENT_SECRET", Signed.SECRET,
                "INTERCOM_ACCESS_TOKEN", PackagedAppStubs.TOKEN,
                "INTERCOM_API_URL", intercom.baseUrl(),
                "PLATFORM_API_URL", platform.baseUrl(),
                "SYNC_API_TOKEN", "it-sync-token",
                "SYNC_WORKERS", "4",
                "SYNC_CHANGES_POLL_INTERVAL", "off"));
        env.put("INTERCOM_RATE_LIMIT_PER_MINUTE", perMinute);
        env.put("INTERCOM_RATE_LIMIT_SHARE", "1");
        return env;
    }

    @Test
    void handsBackContactsWaitingForTheRateLimitWhenStopped() throws Exception {
        Path db = Files.createTempDirectory("care-panel-stop-it").resolve("db");
        // One Intercom call per 10-second window: the workers spend their time waiting for the limit.
        String firstLog;
        try (PackagedApp first = PackagedApp.start(environment("6"), db)) {
            for (int i = 1; i <= CONTACTS; i++) {
                Signed.webhook(WebhookPayloads.emailUpdated("notif-stop-" + i, "ws-stop", "stop-" + i))
                        .post(first.url() + "/webhooks/intercom").then().statusCode(200);
            }
            // The first contact has been read; the others wait for the next window.
            await().atMost(Duration.ofSeconds(15)).until(() -> !intercom.findAll(
                    getRequestedFor(urlPathMatching("/contacts/stop-.*"))).isEmpty());
            first.stop();
            firstLog = first.log();
        }
        assertThat(firstLog).doesNotContain("ClosedByInterruptException").doesNotContain("has been closed")
                .doesNotContain("Exception:");

        try (PackagedApp second = PackagedApp.start(environment("10000"), db)) {
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (int i = 1; i <= CONTACTS; i++) {
                        assertThat(intercom.findAll(IntercomFixtures.writesTo("stop-" + i))).as("write of stop-%d", i)
                                .isNotEmpty();
                    }
                });
            } catch (AssertionError e) {
                throw new AssertionError("not written; the first instance logged:\n" + firstLog
                        + "\nthe second:\n" + second.log(), e);
            }
            // The stub sees a write a moment before the worker records it as done, so the status is awaited too.
            // CI's PostgreSQL run shares its database with other tests: only this test's workspace is looked at.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                    .header("Authorization", "Bearer it-sync-token").get(second.url() + "/sync/status")
                    .then().statusCode(200).body("lastFailures.findAll { it.workspaceId == 'ws-stop' }", empty()));
        }
    }
}
