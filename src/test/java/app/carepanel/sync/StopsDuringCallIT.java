package app.carepanel.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.github.tomakehurst.wiremock.WireMockServer;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.PackagedApp;
import app.carepanel.support.PackagedAppStubs;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;

/**
 * Stopping the app (SIGTERM) while a worker is in the middle of a contact's calls: it finishes the contact in hand
 * or hands it back as pending without counting an attempt, within the stop's 10 s, and logs no error.
 */
class StopsDuringCallIT {

    private PackagedAppStubs stubs;
    private WireMockServer platform;
    private WireMockServer intercom;

    /**
     * The tests may share one database (PostgreSQL in CI), where a contact one test handed back is still pending
     * when the next starts: each has a contact and a workspace of its own, so that it waits for its own write.
     */
    private String contact;
    private String workspace;

    @BeforeEach
    void stubs(TestInfo test) {
        PackagedApp.emptyTheSharedQueue();
        String name = "slow" + Math.floorMod(test.getTestMethod().orElseThrow().getName().hashCode(), 100_000);
        contact = name + "-1";
        workspace = "ws-" + name;
        stubs = PackagedAppStubs.withContacts(name, 1).tokenOwnedBy(workspace);
        platform = stubs.platform;
        intercom = stubs.intercom;
    }

    @AfterEach
    void stopStubs() {
        stubs.stop();
    }

    @Test
    void finishesTheContactWhoseWriteIsUnderWay() throws Exception {
        // Long enough to be under way when the stop comes, well inside the 5 s read timeout on a busy machine.
        intercom.stubFor(put(urlPathEqualTo("/contacts/" + contact))
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"contact\"}").withFixedDelay(2_000)));
        String job = stopWhileInFlight(() -> !intercom.findAll(IntercomFixtures.writesTo(contact)).isEmpty());
        assertThat(job).isEqualTo("DONE 0 WRITTEN");
    }

    @Test
    void handsBackTheContactWhenEveryIntercomCallIsSlow() throws Exception {
        // Each call answers within the read timeout (5 s), but a sync makes four of them: more than the 10 s a
        // stop waits for the contact in hand.
        intercom.setGlobalFixedDelay(4_000);
        String job = stopWhileInFlight(() -> !intercom.findAll(getRequestedFor(urlPathEqualTo("/contacts/" + contact))).isEmpty());
        assertThat(job).isIn("DONE 0 WRITTEN", "PENDING 0 null");
    }

    @Test
    void handsBackTheContactWhenThePlatformTimesOutDuringTheStop() throws Exception {
        // Longer than the read timeout (800 ms) and the lookup's 2 s budget.
        platform.stubFor(PlatformFixtures.lookupOf(contact.replace("-", "") + "@example.com")
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients()).withFixedDelay(3_000)));
        String job = stopWhileInFlight(() -> !platform.findAll(PlatformFixtures.lookupsOf(contact.replace("-", "") + "@example.com")).isEmpty());
        assertThat(job).isEqualTo("PENDING 0 null");
    }

    /** Starts the app, triggers a sync, stops the app once {@code inFlight}, and returns "status attempts outcome". */
    private String stopWhileInFlight(Callable<Boolean> inFlight) throws Exception {
        Path db = Files.createTempDirectory("care-panel-stop-call-it").resolve("db");
        Map<String, String> env = new HashMap<>(Map.of("INTERCOM_CLIENT_SECRET", Signed.SECRET,
                "INTERCOM_ACCESS_TOKEN", PackagedAppStubs.TOKEN,
                "INTERCOM_API_URL", intercom.baseUrl(),
                "PLATFORM_API_URL", platform.baseUrl(),
                "SYNC_API_TOKEN", "it-sync-token",
                "SYNC_WORKERS", "1",
                "SYNC_CHANGES_POLL_INTERVAL", "off"));
        String log;
        try (PackagedApp app = PackagedApp.start(env, db)) {
            Signed.webhook(WebhookPayloads.emailUpdated("notif-" + workspace, workspace, contact))
                    .post(app.url() + "/webhooks/intercom").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(inFlight);
            app.stop();
            log = app.log();
        }

        assertThat(log).as("the app's log:\n%s", log).doesNotContain("ERROR").doesNotContain("After Shutdown")
                .doesNotContain("still writing").doesNotContain("could not claim work");
        try (Connection connection = PackagedApp.database(db);
                PreparedStatement query = connection.prepareStatement(
                        "select status, attempts, last_outcome from sync_job where workspace_id = ? and contact_id = ?")) {
            query.setString(1, workspace);
            query.setString(2, contact);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString("status") + " " + row.getInt("attempts") + " " + row.getString("last_outcome");
            }
        }
    }
}
