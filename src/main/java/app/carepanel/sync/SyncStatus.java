package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The state of the sync for {@code GET /sync/status}: ids, counts, reasons and limits, never client data. */
@ApplicationScoped
class SyncStatus {

    private final RateLimiter limiter;
    private final AttributeCatalog catalog;
    private final Clock clock;

    SyncStatus(RateLimiter limiter, AttributeCatalog catalog, Clock clock) {
        this.limiter = limiter;
        this.catalog = catalog;
        this.clock = clock;
    }

    record Report(long pending, long running, long failed, Long oldestPendingSeconds, List<Failure> lastFailures,
            List<RateLimiter.Status> rateLimits, Map<String, List<String>> attributeProblems) {
    }

    record Failure(String workspaceId, String contactId, String status, int attempts, String reason, Instant at) {
    }

    Report report() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            SyncJob oldest = SyncJob.find("status = ?1 order by queuedAt", SyncJob.Status.PENDING).firstResult();
            List<Failure> failures = SyncJob.<SyncJob>find("lastError is not null order by updatedAt desc")
                    .page(0, 10).list().stream()
                    .map(j -> new Failure(j.workspaceId, j.contactId, j.status.name(), j.attempts, j.lastError, j.updatedAt))
                    .toList();
            return new Report(
                    SyncJob.count("status", SyncJob.Status.PENDING),
                    SyncJob.count("status", SyncJob.Status.RUNNING),
                    SyncJob.count("status", SyncJob.Status.FAILED),
                    oldest == null ? null : Math.max(0, Duration.between(oldest.queuedAt, now).toSeconds()),
                    failures,
                    limiter.statuses(),
                    catalog.problems());
        });
    }
}
