package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The state of the sync for {@code GET /sync/status}: ids, counts, reasons and limits, never client data. A job
 * whose instance stopped without a word (its lease lapsed) is counted as {@code stalled}, not as running.
 */
@ApplicationScoped
class SyncStatus {

    private final SyncJobs jobs;
    private final RateLimiter limiter;
    private final AttributeCatalog catalog;
    private final Clock clock;

    SyncStatus(SyncJobs jobs, RateLimiter limiter, AttributeCatalog catalog, Clock clock) {
        this.jobs = jobs;
        this.limiter = limiter;
        this.catalog = catalog;
        this.clock = clock;
    }

    record Report(long pending, long running, long stalled, long failed, Long oldestPendingSeconds,
            List<Failure> lastFailures, List<RateLimiter.Status> rateLimits, Map<String, List<String>> attributeProblems) {
    }

    /** {@code status}: PENDING, RUNNING, STALLED (its instance stopped; taken over soon), DONE or FAILED. */
    record Failure(String workspaceId, String contactId, String status, int attempts, String reason, Instant at) {
    }

    Report report() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Failure> failures = jobs.lastFailures(10).stream()
                    .map(j -> new Failure(j.workspaceId, j.contactId, stateOf(j, now), j.attempts, j.lastError, j.updatedAt))
                    .toList();
            return new Report(
                    jobs.countPending(),
                    jobs.countRunning(now),
                    jobs.countLapsed(now),
                    jobs.countFailed(),
                    jobs.oldestPending().map(j -> Math.max(0, Duration.between(j.queuedAt, now).toSeconds())).orElse(null),
                    failures,
                    limiter.statuses(),
                    catalog.problems());
        });
    }

    private static String stateOf(SyncJob job, Instant now) {
        if (job.status == SyncJob.Status.RUNNING) {
            return job.runningAt(now) ? "RUNNING" : "STALLED";
        }
        return job.status.name();
    }
}
