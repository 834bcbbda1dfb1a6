package app.carepanel.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.NoSyncWorkers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What {@code GET /sync/status} says of jobs in each state, with no worker here to move them on. */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
class SyncStatusTest extends AppTest {

    private void job(String contactId, SyncJob.Status status, Instant leaseUntil, String lastError) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob job = SyncJob.first(workspace, contactId, SyncTrigger.MESSAGE, Instant.now());
            job.status = status;
            job.leaseUntil = leaseUntil;
            job.claimedBy = status == SyncJob.Status.RUNNING ? "worker-gone-1" : null;
            job.lastError = lastError;
            job.persist();
        });
    }

    @Test
    void countsAJobWhoseInstanceStoppedAsStalledNotAsRunning() {
        job("c-live", SyncJob.Status.RUNNING, Instant.now().plus(Duration.ofMinutes(2)), null);
        job("c-orphan", SyncJob.Status.RUNNING, Instant.now().minus(Duration.ofMinutes(1)),
                "Intercom answered HTTP 503 before this attempt");

        given().header("Authorization", "Bearer test-sync-token").get("/sync/status")
                .then().statusCode(200)
                .body("running", equalTo(1))
                .body("stalled", equalTo(1))
                .body("lastFailures.find { it.contactId == 'c-orphan' }.status", equalTo("STALLED"))
                .body("lastFailures.status", hasItem("STALLED"));
    }

    @Test
    void listsAFailedJobAndARetryingOneAmongTheLastFailuresButNotADoneOne() {
        job("c-given-up", SyncJob.Status.FAILED, null, "Intercom refused the write: HTTP 400");
        job("c-retrying", SyncJob.Status.PENDING, null, "Intercom answered HTTP 503");
        job("c-written", SyncJob.Status.DONE, null, null);

        given().header("Authorization", "Bearer test-sync-token").get("/sync/status")
                .then().statusCode(200)
                .body("lastFailures.contactId", hasItem("c-given-up"))
                .body("lastFailures.contactId", hasItem("c-retrying"))
                .body("lastFailures.contactId", not(hasItem("c-written")));
    }
}
