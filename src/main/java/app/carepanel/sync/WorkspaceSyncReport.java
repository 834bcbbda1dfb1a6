package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One workspace's sync, for its admin console: jobs by state, the oldest pending one's age, the last write, the
 * latest failures (contact ids and reasons, no client data), the rate limiter and attribute problems. A failure's
 * Retry queues the contact again as the sync API does.
 */
@ApplicationScoped
public class WorkspaceSyncReport {

    private final SyncJobs jobs;
    private final SyncQueue queue;
    private final RateLimiter limiter;
    private final AttributeCatalog catalog;
    private final Clock clock;

    WorkspaceSyncReport(SyncJobs jobs, SyncQueue queue, RateLimiter limiter, AttributeCatalog catalog, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.limiter = limiter;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record Report(long pending, long running, long failed, long done, Duration oldestPending, Instant lastWrite,
            List<Failure> lastFailures, Optional<RateLimiter.Status> rateLimit, List<String> attributeProblems) {
    }

    /** A contact whose last attempt failed: {@code state} PENDING (will retry) or FAILED (given up). */
    public record Failure(String contactId, String state, int attempts, String reason, Instant at) {
    }

    public Report of(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Map<SyncJob.Status, Long> counts = jobs.countsByStatus(workspaceId);
            List<Failure> failures = jobs.lastFailures(workspaceId, 10).stream()
                    .map(j -> new Failure(j.contactId, j.status.name(), j.attempts, j.lastError, j.updatedAt)).toList();
            return new Report(
                    counts.getOrDefault(SyncJob.Status.PENDING, 0L),
                    counts.getOrDefault(SyncJob.Status.RUNNING, 0L),
                    counts.getOrDefault(SyncJob.Status.FAILED, 0L),
                    counts.getOrDefault(SyncJob.Status.DONE, 0L),
                    jobs.oldestPending(workspaceId).map(j -> Duration.between(j.queuedAt, now))
                            .map(age -> age.isNegative() ? Duration.ZERO : age).orElse(null),
                    jobs.lastWrite(workspaceId).orElse(null),
                    failures,
                    limiter.statuses().stream().filter(s -> s.workspaceId().equals(workspaceId)).findFirst(),
                    catalog.problems().getOrDefault(workspaceId, List.of()));
        });
    }

    /** Queues the contact's sync again, as {@code POST /sync/contacts/{id}} does. */
    public void retry(String workspaceId, String contactId) {
        queue.enqueue(SyncRequest.of(workspaceId, contactId, SyncTrigger.API));
    }
}
