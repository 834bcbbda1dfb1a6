package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.changes.ChangePositions;
import app.carepanel.profile.SnapshotStore;
import app.carepanel.sync.WorkspaceSyncs;
import app.carepanel.workspace.Workspaces;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Removes a workspace's installation: its token, its pending syncs, and what the app holds about its clients
 * (snapshots, cached emails and write fingerprints on the sync jobs, the change poll's position), in one
 * transaction. The access audit trail is kept: it records who saw what, which outlives the installation.
 */
@ApplicationScoped
class Uninstaller {

    private final Workspaces workspaces;
    private final WorkspaceSyncs syncs;
    private final SnapshotStore snapshots;
    private final ChangePositions positions;
    private final Cache profiles;

    Uninstaller(Workspaces workspaces, WorkspaceSyncs syncs, SnapshotStore snapshots, ChangePositions positions,
            @CacheName("client-profiles") Cache profiles) {
        this.workspaces = workspaces;
        this.syncs = syncs;
        this.snapshots = snapshots;
        this.positions = positions;
        this.profiles = profiles;
    }

    /** True when the workspace had an installation, now removed; false (nothing changed) when it had none. */
    boolean uninstall(String workspaceId) {
        long[] dropped = new long[2];
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            if (!workspaces.uninstall(workspaceId)) {
                return false;
            }
            dropped[0] = syncs.forget(workspaceId);
            dropped[1] = snapshots.deleteWorkspace(workspaceId);
            positions.forget(workspaceId);
            return true;
        });
        if (had) {
            // The short-lived profile cache is keyed by workspace and email; all of it goes rather than a scan.
            profiles.invalidateAll().await().indefinitely();
            Log.infof("Workspace %s uninstalled the app: token, %d sync jobs and %d snapshots deleted", workspaceId,
                    dropped[0], dropped[1]);
        } else {
            Log.infof("Uninstall of workspace %s: it had no installation; nothing changed", workspaceId);
        }
        return had;
    }
}
