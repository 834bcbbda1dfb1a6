package app.carepanel.sync;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.workspace.Workspaces;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The sync of a whole workspace as its installation changes: its waiting jobs run at once when it installs, and
 * everything the sync holds about its contacts goes when it uninstalls.
 */
@ApplicationScoped
public class WorkspaceSyncs {

    private final SyncJobs jobs;
    private final Cache results;
    private final Cache attributes;
    private final Event<SyncQueue.JobQueued> queued;
    private final Clock clock;
    private final SyncedViews syncedViews;

    WorkspaceSyncs(SyncJobs jobs, @CacheName("sync-results") Cache results,
            @CacheName("workspace-attributes") Cache attributes, Event<SyncQueue.JobQueued> queued, Clock clock,
            SyncedViews syncedViews) {
        this.jobs = jobs;
        this.results = results;
        this.attributes = attributes;
        this.queued = queued;
        this.clock = clock;
        this.syncedViews = syncedViews;
    }

    /**
     * At start, the jobs of every served workspace are due: a setting may have changed since they were put off
     * for want of a token (a workspace put back on INSTALL_ALLOWED_WORKSPACES, a token configured).
     */
    void wakeServedWorkspaces(@Observes StartupEvent started, Workspaces workspaces) {
        try {
            workspaces.installed().forEach(this::wake);
        } catch (RuntimeException e) {
            Log.warnf("Waiting syncs were not woken at start: %s; they run at their next attempt", Causes.rootName(e));
        }
    }

    /** The workspace has a token now: jobs that waited for one are due, and the workers are told. */
    public void wake(String workspaceId) {
        int woken = QuarkusTransaction.requiringNew().call(() -> jobs.wakeWorkspace(workspaceId, clock.instant()));
        if (woken > 0) {
            queued.fire(new SyncQueue.JobQueued());
        }
    }

    /**
     * Drops the workspace's jobs (pending ones included) and tag removals, with the emails and write fingerprints
     * they hold, in the caller's transaction; the count of jobs dropped.
     */
    public long forget(String workspaceId) {
        long dropped = QuarkusTransaction.joiningExisting().call(() -> {
            PendingTagRemoval.delete("workspaceId", workspaceId);
            return jobs.deleteOfWorkspace(workspaceId);
        });
        // Results and attribute checks are short-lived and keyed by workspace; all of them go rather than a scan.
        results.invalidateAll().await().indefinitely();
        attributes.invalidate(workspaceId).await().indefinitely();
        // Its jobs are gone: a view after a new installation must queue again, whatever it showed before.
        syncedViews.forgetWorkspace(workspaceId);
        return dropped;
    }
}
