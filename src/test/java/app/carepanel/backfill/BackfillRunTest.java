package app.carepanel.backfill;

import static app.carepanel.backfill.BackfillFixtures.lead;
import static app.carepanel.backfill.BackfillFixtures.listingsOf;
import static app.carepanel.backfill.BackfillFixtures.page;
import static app.carepanel.backfill.BackfillFixtures.user;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileService;
import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.sync.ContactAttributes;
import app.carepanel.sync.SyncJob;
import app.carepanel.sync.SyncTrigger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Backfills walked by the app's runner against a WireMock Intercom, with the sync workers off so that what the
 * backfill queued stays in the queue to be looked at: the dry run's counts, the real run waiting for room in the
 * queue, one backfill per workspace, cancelling, and resuming from a saved position.
 */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class BackfillRunTest extends AppTest {

    private static final String TOKEN = "Bearer test-sync-token";

    @Inject
    ProfileService profiles;

    @Inject
    ContactAttributes attributes;

    @BeforeEach
    void platformKnowsSomeClients() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "jordan@example.com", PlatformFixtures.JORDAN_SECOND, PlatformFixtures.JORDAN_FIRST);
        PlatformFixtures.answer(platform, "nobody@example.com");
        platform.stubFor(PlatformFixtures.lookupOf("riley@example.com").willReturn(aResponse().withStatus(400)));
    }

    @Test
    void dryRunCountsWhatWouldHappenToEachContactAndWritesNothing() {
        page(intercom, null, "p2", 7, List.of(user("c-sami", "sami@example.com"), lead("c-jordan", "jordan@example.com"),
                user("c-no-email", null)));
        page(intercom, "p2", "p3", 7, List.of(lead("c-support", "support@practice.example"), user("c-typo", "sami at example"),
                lead("c-stranger", "nobody@example.com")));
        page(intercom, "p3", null, 7, List.of(user("c-riley", "riley@example.com")));
        writtenRecently("c-jordan", "jordan@example.com");

        long id = start(true);
        JsonPath done = awaitEnded(id);

        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(done.getInt("total")).isEqualTo(7);
        assertThat(done.getInt("pages")).isEqualTo(3);
        assertThat(done.getMap("counts")).containsEntry("seen", 7).containsEntry("would_write", 1)
                .containsEntry("unchanged", 1).containsEntry("no_account", 1).containsEntry("excluded_or_invalid_email", 3)
                .containsEntry("failed", 1).containsEntry("queued", 0);
        // Only the listing was asked of Intercom: no contact read, no attribute created, no write.
        assertThat(intercom.findAll(anyRequestedFor(anyUrl()))).allSatisfy(request ->
                assertThat(request.getMethod().getName() + " " + request.getUrl()).startsWith("GET /contacts?"));
        intercom.verify(3, getRequestedFor(urlPathEqualTo("/contacts")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> SyncJob.count("workspaceId", workspace))).isEqualTo(1);
    }

    @Test
    void realRunQueuesAPageAndWaitsForTheSyncsBeforeTheNextPage() {
        page(intercom, null, "p2", 70, IntStream.range(0, 60).mapToObj(i -> i % 2 == 0
                ? user("c-" + i, "client" + i + "@example.com") : lead("c-" + i, "client" + i + "@example.com")).toList());
        page(intercom, "p2", null, 70, List.of(user("c-last", "last@example.com")));

        long id = start(false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(progress(id).getInt("counts.queued"))
                .isEqualTo(60));
        JsonPath waiting = progress(id);
        assertThat(waiting.getString("state")).isEqualTo("running");
        assertThat(waiting.getInt("percent")).isEqualTo(85);
        assertThat(waiting.<Object>get("estimated_seconds_left")).isNotNull();
        // 60 syncs are due and no worker takes them: the next page waits rather than queue behind them.
        intercom.verify(0, listingsOf("p2"));
        List<SyncJob> queued = QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>list("workspaceId", workspace));
        assertThat(queued).hasSize(60).allSatisfy(job -> {
            assertThat(job.lastTrigger).isEqualTo(SyncTrigger.BACKFILL);
            assertThat(job.status).isEqualTo(SyncJob.Status.PENDING);
            assertThat(job.sealedEmail).as("the listing's email travels with the job").isNotNull();
        });

        given().header("Authorization", TOKEN).queryParam("workspace_id", workspace).queryParam("dry_run", true)
                .post("/sync/backfill").then().statusCode(409)
                .body("backfill_id", equalTo((int) id))
                .body("error", equalTo("a backfill is already running in workspace " + workspace + " (id " + id
                        + "); follow it at /sync/backfill/" + id + " or cancel it first"));

        given().header("Authorization", TOKEN).post("/sync/backfill/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("reason", equalTo("cancelled by the API"));

        given().header("Authorization", TOKEN).post("/sync/backfill/" + id + "/cancel").then().statusCode(409)
                .body("error", equalTo("backfill " + id + " has already ended (cancelled)"));
        assertThat(progress(id).getInt("counts.queued")).isEqualTo(60);
        intercom.verify(0, listingsOf("p2"));
        long next = start(true);
        assertThat(next).isNotEqualTo(id);
        given().header("Authorization", TOKEN).post("/sync/backfill/" + next + "/cancel").then().statusCode(200);
    }

    @Test
    void resumesARunningBackfillFromItsSavedPositionAfterARestart() {
        page(intercom, null, "p2", 5, List.of(user("c-sami", "sami@example.com"), user("c-no-email", null)));
        page(intercom, "p2", null, 5, List.of(lead("c-jordan", "jordan@example.com"), user("c-stranger", "nobody@example.com"),
                lead("c-support", "support@practice.example")));
        // What an instance that died after its first page left: its cursor, its counts, its lapsed lease.
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Backfill row = new Backfill();
            row.workspaceId = workspace;
            row.dryRun = true;
            row.state = Backfill.State.RUNNING;
            row.runningWorkspace = workspace;
            row.cursorAfter = "p2";
            row.pages = 1;
            row.total = 5L;
            row.seen = 2;
            row.wouldWrite = 1;
            row.excludedEmail = 1;
            row.startedBy = Backfills.BY_API;
            row.startedAt = Instant.now().minusSeconds(300);
            row.updatedAt = Instant.now().minusSeconds(200);
            row.claimedBy = "backfill-gone";
            row.leaseUntil = Instant.now().minusSeconds(1);
            row.persist();
            return row.id;
        });

        JsonPath done = awaitEnded(id);

        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getInt("pages")).isEqualTo(2);
        assertThat(done.getMap("counts")).containsEntry("seen", 5).containsEntry("would_write", 2)
                .containsEntry("no_account", 1).containsEntry("excluded_or_invalid_email", 2);
        intercom.verify(0, listingsOf(null));
        intercom.verify(1, listingsOf("p2"));
    }

    @Test
    void showsTheLatestBackfillOfAWorkspace() {
        page(intercom, null, null, 1, List.of(user("c-sami", "sami@example.com")));
        given().header("Authorization", TOKEN).queryParam("workspace_id", workspace).get("/sync/backfill")
                .then().statusCode(404).body("error", equalTo("workspace " + workspace + " has had no backfill"));

        long id = start(true);
        awaitEnded(id);

        given().header("Authorization", TOKEN).queryParam("workspace_id", workspace).get("/sync/backfill")
                .then().statusCode(200).body("id", equalTo((int) id)).body("state", equalTo("done"))
                .body("started_by", equalTo("api")).body("estimated_seconds_left", equalTo(0));
    }

    @Test
    void failsWithIntercomsReasonWhenTheListingIsRefused() {
        intercom.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/contacts")).willReturn(
                aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"type\":\"error.list\",\"errors\":[{\"code\":\"forbidden\"}]}")));

        JsonPath failed = awaitEnded(start(true));

        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("reason")).isEqualTo("contact listing answered HTTP 403");
        assertThat(failed.getInt("counts.seen")).isZero();
    }

    @Test
    void failsARunningBackfillOfAWorkspaceThatNoLongerHasAToken() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Backfill row = new Backfill();
            row.workspaceId = "ws-backfill-uninstalled";
            row.dryRun = false;
            row.state = Backfill.State.RUNNING;
            row.runningWorkspace = row.workspaceId;
            row.startedBy = Backfills.BY_API;
            row.startedAt = Instant.now();
            row.updatedAt = Instant.now();
            row.persist();
            return row.id;
        });

        JsonPath failed = awaitEnded(id);

        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("reason"))
                .isEqualTo("the workspace has no usable token: not installed: no admin of this workspace has installed the app");
        intercom.verify(0, getRequestedFor(urlPathEqualTo("/contacts")));
    }

    /** The contact's sync wrote the values the platform gives now, a moment ago. */
    private void writtenRecently(String contactId, String email) {
        ClientProfile profile = profiles.fetch(new ProfileKey(workspace, email), false);
        String fingerprint = attributes.fingerprint(attributes.of(profile));
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            SyncJob job = SyncJob.first(workspace, contactId, SyncTrigger.API, now);
            job.status = SyncJob.Status.DONE;
            job.writtenFingerprint = fingerprint;
            job.writtenAt = now;
            job.finishedAt = now;
            job.persist();
        });
    }

    private long start(boolean dryRun) {
        return given().header("Authorization", TOKEN).queryParam("workspace_id", workspace).queryParam("dry_run", dryRun)
                .post("/sync/backfill").then().statusCode(202)
                .body("state", equalTo("running")).body("dry_run", equalTo(dryRun))
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath progress(long id) {
        return given().header("Authorization", TOKEN).get("/sync/backfill/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitEnded(long id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> progress(id), p -> !"running".equals(p.getString("state")));
    }
}
