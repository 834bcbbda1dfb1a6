package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Waits for a contact's sync that was asked at a given moment to end, for {@code ?wait=true}: the job's row tells
 * when it ended (on any instance), the results this instance recorded tell what it wrote.
 */
@ApplicationScoped
class SyncWaits {

    private static final long POLL_MILLIS = 100;
    /** How long after a view its sync, if any, is in the queue. */
    private static final Duration QUEUEING = Duration.ofMillis(500);

    private final SyncJobs jobs;
    private final SyncResults results;
    private final SyncConfig config;
    private final Clock clock;

    SyncWaits(SyncJobs jobs, SyncResults results, SyncConfig config, Clock clock) {
        this.jobs = jobs;
        this.results = results;
        this.config = config;
        this.clock = clock;
    }

    /** How a sync asked at some moment ended; {@code result} is empty when another instance did it. */
    record Ended(SyncJob job, Optional<ContactSync.Result> result) {
    }

    /** The end of the sync asked at {@code asked}, within {@code SYNC_WAIT_TIMEOUT}; empty if it is still under way. */
    Optional<Ended> await(String workspaceId, String contactId, Instant asked) {
        return await(workspaceId, contactId, asked, config.waitTimeout());
    }

    /** The same, waiting at most {@code patience} from {@code asked}. */
    Optional<Ended> await(String workspaceId, String contactId, Instant asked, Duration patience) {
        Instant deadline = asked.plus(patience);
        while (clock.instant().isBefore(deadline)) {
            Optional<SyncJob> job = QuarkusTransaction.requiringNew().call(() -> jobs.of(workspaceId, contactId))
                    .filter(found -> endedSince(found, asked));
            if (job.isPresent()) {
                return Optional.of(new Ended(job.get(), results.since(workspaceId, contactId, asked)));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * True once the sync asked at {@code asked} has ended, or once it is clear that none was queued: the job is not
     * pending or running a moment after the ask (a view queues its sync asynchronously, within that moment). False
     * when it is still under way after {@code patience}.
     */
    boolean awaitIfQueued(String workspaceId, String contactId, Instant asked, Duration patience) {
        Instant deadline = asked.plus(patience);
        Instant queuedBy = asked.plus(QUEUEING);
        while (clock.instant().isBefore(deadline)) {
            Optional<SyncJob> job = QuarkusTransaction.requiringNew().call(() -> jobs.of(workspaceId, contactId));
            if (job.map(found -> endedSince(found, asked)).orElse(false)) {
                return true;
            }
            boolean underWay = job.map(found -> found.status == SyncJob.Status.PENDING
                    || found.status == SyncJob.Status.RUNNING).orElse(false);
            if (!underWay && clock.instant().isAfter(queuedBy)) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean endedSince(SyncJob job, Instant asked) {
        return job.finishedAt != null && !job.finishedAt.isBefore(asked)
                && (job.status == SyncJob.Status.DONE || job.status == SyncJob.Status.FAILED);
    }
}
