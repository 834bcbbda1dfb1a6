package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.NoSyncWorkers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The queue keeps only what is still of use, however many contacts were ever synced. */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
class SyncRetentionTest extends AppTest {

    @Inject
    SyncRetention retention;

    @Inject
    SyncJobs jobs;

    @Inject
    SyncConfig config;

    @Inject
    Clock clock;

    private void job(String contactId, SyncJob.Status status, Instant finishedAt, Instant emailSeenAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob job = SyncJob.first(workspace, contactId, SyncTrigger.MESSAGE, Instant.now());
            job.status = status;
            job.finishedAt = finishedAt;
            job.emailSeen(emailSeenAt == null ? null : "sealed", emailSeenAt);
            job.persist();
        });
    }

    private SyncJob find(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.of(workspace, contactId).orElse(null));
    }

    @Test
    void forgetsFinishedJobsOnceTheyCanNoLongerSkipAWriteAndEmailsOnceTheyAreStale() {
        Instant now = Instant.now();
        job("c-done-long-ago", SyncJob.Status.DONE, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)));
        job("c-done-lately", SyncJob.Status.DONE, now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(5)));
        job("c-failed-long-ago", SyncJob.Status.FAILED, now.minus(Duration.ofDays(2)), null);
        job("c-pending-stale-email", SyncJob.Status.PENDING, null, now.minus(Duration.ofMinutes(20)));

        retention.forgetWhatIsNoLongerNeeded();

        assertThat(find("c-done-long-ago")).isNull();
        assertThat(find("c-done-lately")).isNotNull().satisfies(j -> assertThat(j.sealedEmail).isNotNull());
        assertThat(find("c-failed-long-ago")).as("kept for the status").isNotNull();
        assertThat(find("c-pending-stale-email")).isNotNull()
                .satisfies(j -> assertThat(j.sealedEmail).isNull())
                .satisfies(j -> assertThat(j.emailSeenAt).isNull());
    }

    @Test
    void forgetsWhatIsNoLongerNeededOnEveryPageOfTheTable() {
        Instant now = Instant.now();
        for (int i = 1; i <= 5; i++) {
            job("c-paged-done-" + i, SyncJob.Status.DONE, now.minus(Duration.ofHours(2)), null);
        }
        job("c-paged-stale-email", SyncJob.Status.PENDING, null, now.minus(Duration.ofMinutes(20)));
        job("c-paged-done-lately", SyncJob.Status.DONE, now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(5)));

        new SyncRetention(jobs, config, clock, 2).forgetWhatIsNoLongerNeeded();

        for (int i = 1; i <= 5; i++) {
            assertThat(find("c-paged-done-" + i)).as("job %d of 5, two a transaction", i).isNull();
        }
        assertThat(find("c-paged-stale-email")).isNotNull().satisfies(j -> assertThat(j.emailSeenAt).isNull());
        assertThat(find("c-paged-done-lately")).isNotNull().satisfies(j -> assertThat(j.emailSeenAt).isNotNull());
    }
}
