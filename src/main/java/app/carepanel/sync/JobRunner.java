package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import app.carepanel.base.Causes;
import app.carepanel.intercom.IntercomException;
import app.carepanel.platform.PlatformException;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * Runs one claimed job: resolves its workspace, syncs the contact, and moves the job on by how that went. A
 * workspace without a token (not installed, not allowed) keeps its jobs waiting with that reason until it installs;
 * one whose token Intercom refused keeps them waiting too, but lets one through every
 * {@code SYNC_REFUSED_TOKEN_RECHECK} to try the token again.
 */
@ApplicationScoped
class JobRunner {

    private final SyncQueue queue;
    private final ContactSync sync;
    private final SyncResults results;
    private final Workspaces workspaces;
    private final SyncConfig config;
    private final Clock clock;
    private final SyncMetrics metrics;
    /** When each workspace with a refused token last had one job let through to try the token again. */
    private final Map<String, Instant> lastTokenProbe = new ConcurrentHashMap<>();

    JobRunner(SyncQueue queue, ContactSync sync, SyncResults results, Workspaces workspaces, SyncConfig config, Clock clock,
            SyncMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.sync = sync;
        this.results = results;
        this.workspaces = workspaces;
        this.config = config;
        this.clock = clock;
    }

    /** Runs the job; {@code stopping} tells whether the app began to stop, so a failure then hands it back. */
    void run(SyncJob job, BooleanSupplier stopping) {
        String workspaceId = job.workspaceId;
        long started = System.nanoTime();
        try {
            Workspace workspace = workspaces.resolve(workspaceId);
            if (workspace.token().isEmpty()) {
                // Not installed, no longer allowed: the job waits, uncounted, and runs once a token arrives.
                queue.postpone(job, clock.instant().plus(config.refusedTokenRecheck()), workspace.whyNoToken());
                return;
            }
            if (workspaces.isTokenRefused(workspace) && !tokenProbeDue(workspaceId)) {
                queue.postpone(job, clock.instant().plus(config.refusedTokenRecheck()),
                        "Intercom refused the workspace's access token (401); waiting for a new token");
                return;
            }
            ContactSync.Result result = sync.run(workspace, job, queue.freshEmail(job));
            workspaces.tokenAccepted(workspaceId);
            results.record(workspaceId, job.contactId, result);
            queue.finish(job, result);
            metrics.ended(result.outcome());
            Log.infof("Synced contact %s in workspace %s: %s in %d ms", job.contactId, workspaceId, result.outcome(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IntercomException.RateLimited e) {
            queue.postpone(job, e.resetAt(), e.getMessage());
            metrics.attempt("rate_limited");
        } catch (IntercomException.TokenRefused e) {
            lastTokenProbe.put(workspaceId, clock.instant());
            queue.postpone(job, clock.instant().plus(config.refusedTokenRecheck()), e.getMessage());
        } catch (IntercomException.Rejected e) {
            Log.warnf("Sync of contact %s in workspace %s failed for good: %s", job.contactId, workspaceId, e.getMessage());
            queue.fail(job, e.getMessage());
            metrics.ended(SyncOutcome.FAILED);
        } catch (IntercomException.Unavailable | PlatformException | FaultToleranceException e) {
            if (stopping.getAsBoolean()) {
                queue.handBack(job);
                return;
            }
            String reason = e instanceof FaultToleranceException
                    ? "the platform did not answer in time (" + e.getClass().getSimpleName() + ")"
                    : e.getMessage();
            Log.infof("Sync of contact %s in workspace %s will be retried: %s", job.contactId, workspaceId, reason);
            queue.retryLater(job, reason);
            metrics.attempt("retried");
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                // A call cut short by the stop is no failure of this contact's: the next instance does it again.
                Log.infof("Sync of contact %s in workspace %s was cut short by the stop (%s); it stays pending",
                        job.contactId, workspaceId, Causes.rootName(e));
                queue.handBack(job);
                return;
            }
            Log.errorf("Sync of contact %s in workspace %s failed unexpectedly: %s", job.contactId, workspaceId,
                    e.getClass().getName());
            queue.retryLater(job, "unexpected " + Causes.rootName(e));
            metrics.attempt("retried");
        }
    }

    /** One job per recheck interval goes through with a refused token, in case Intercom accepts it again. */
    private boolean tokenProbeDue(String workspaceId) {
        Instant now = clock.instant();
        Instant before = lastTokenProbe.get(workspaceId);
        boolean due = before == null || !before.plus(config.refusedTokenRecheck()).isAfter(now);
        // Of several workers deciding at once, only the one whose update lands probes.
        return due && (before == null ? lastTokenProbe.putIfAbsent(workspaceId, now) == null
                : lastTokenProbe.replace(workspaceId, before, now));
    }
}
