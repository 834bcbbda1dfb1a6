package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

    /**
     * Runs {@code body}, which queues the contact's sync and waits for it, while this instance keeps the results of
     * the contact's syncs (from before the queueing, so that a quick write is not missed).
     */
    <T> T whileAwaited(String workspaceId, String contactId, Supplier<T> body) {
        results.awaited(workspaceId, contactId);
        try {
            return body.get();
        } finally {
            results.waited(workspaceId, contactId);
        }
    }

    /** The end of the sync asked at {@code asked}, within {@code SYNC_WAIT_TIMEOUT}; empty if it is still under way. */
    Optional<Ended> await(String workspaceId, String contactId, Instant asked) {
        AtomicReference<SyncJob> ended = new AtomicReference<>();
        boolean done = poll(workspaceId, contactId, asked.plus(config.waitTimeout()), job -> {
            job.filter(found -> endedSince(found, asked)).ifPresent(ended::set);
            return ended.get() != null;
        });
        return done ? Optional.of(new Ended(ended.get(), results.since(workspaceId, contactId, asked))) : Optional.empty();
    }

    /**
     * True once the sync asked at {@code asked} has ended, or once it is clear that none was queued: the job is not
     * pending or running a moment after the ask (a view queues its sync asynchronously, within that moment). False
     * when it is still under way after {@code patience}.
     */
    boolean awaitIfQueued(String workspaceId, String contactId, Instant asked, Duration patience) {
        Instant queuedBy = asked.plus(QUEUEING);
        return poll(workspaceId, contactId, asked.plus(patience), job -> job.map(found -> endedSince(found, asked))
                .orElse(false) || (!job.map(SyncWaits::underWay).orElse(false) && clock.instant().isAfter(queuedBy)));
    }

    /** Reads the contact's job every {@code POLL_MILLIS} until {@code settled} holds or the deadline passes. */
    private boolean poll(String workspaceId, String contactId, Instant deadline, Predicate<Optional<SyncJob>> settled) {
        while (clock.instant().isBefore(deadline)) {
            if (settled.test(QuarkusTransaction.requiringNew().call(() -> jobs.of(workspaceId, contactId)))) {
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

    private static boolean underWay(SyncJob job) {
        return job.status == SyncJob.Status.PENDING || job.status == SyncJob.Status.RUNNING;
    }

    private static boolean endedSince(SyncJob job, Instant asked) {
        return job.finishedAt != null && !job.finishedAt.isBefore(asked)
                && (job.status == SyncJob.Status.DONE || job.status == SyncJob.Status.FAILED);
    }
}
