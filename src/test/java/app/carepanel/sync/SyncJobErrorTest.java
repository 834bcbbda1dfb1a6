package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * A job keeps the error of its last attempt only while that attempt's failure stands: the status page finds failures
 * among pending, running and failed jobs alone ({@link SyncJobs#lastFailures(int)}) because of it.
 */
class SyncJobErrorTest {

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSyncFinishedAfterAFailedAttemptKeepsNoError() {
        SyncJob job = SyncJob.first("ws-1", "c-1", SyncTrigger.MESSAGE, now);
        job.claim("worker-1", now.plusSeconds(30), now);
        job.retryLater("Intercom answered HTTP 503", 5, attempt -> Duration.ofSeconds(1), now);
        assertThat(job.status).isEqualTo(SyncJob.Status.PENDING);
        assertThat(job.lastError).isEqualTo("Intercom answered HTTP 503");

        job.claim("worker-1", now.plusSeconds(31), now.plusSeconds(1));
        assertThat(job.lastError).isNotNull();
        job.finish(SyncOutcome.WRITTEN, now, now.plusSeconds(2));

        assertThat(job.status).isEqualTo(SyncJob.Status.DONE);
        assertThat(job.lastError).isNull();
    }

    @Test
    void aJobGivenUpKeepsItsErrorAsFailed() {
        SyncJob job = SyncJob.first("ws-1", "c-2", SyncTrigger.MESSAGE, now);
        job.claim("worker-1", now.plusSeconds(30), now);
        job.fail("Intercom refused the write: HTTP 400", now);

        assertThat(job.status).isEqualTo(SyncJob.Status.FAILED);
        assertThat(job.lastError).isEqualTo("Intercom refused the write: HTTP 400");
    }
}
