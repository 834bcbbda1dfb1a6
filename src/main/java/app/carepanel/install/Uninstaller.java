package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.changes.ChangePositions;
import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.link.ContactLinks;
import app.carepanel.profile.SnapshotStore;
import app.carepanel.sync.WorkspaceSyncs;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.WorkspaceSettings;
import app.carepanel.workspace.Workspaces;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Removes a workspace's installation: its token, its pending syncs, and what the app holds about its clients
 * (snapshots, cached emails and write fingerprints on the sync jobs, the change poll's position), its console
 * sessions and settings, in one transaction. The access audit trail is kept: it records who saw what, which outlives the installation.
 */
@ApplicationScoped
public class Uninstaller {

    private final Workspaces workspaces;
    private final WorkspaceSyncs syncs;
    private final SnapshotStore snapshots;
    private final ChangePositions positions;
    private final Cache profiles;
    private final AdminSessions sessions;
    private final IntercomClient intercom;
    private final WorkspaceSettings settings;
    private final ContactLinks links;

    Uninstaller(Workspaces workspaces, WorkspaceSyncs syncs, SnapshotStore snapshots, ChangePositions positions,
            @CacheName("client-profiles") Cache profiles, AdminSessions sessions, IntercomClient intercom,
            WorkspaceSettings settings, ContactLinks links) {
        this.links = links;
        this.settings = settings;
        this.sessions = sessions;
        this.intercom = intercom;
        this.workspaces = workspaces;
        this.syncs = syncs;
        this.snapshots = snapshots;
        this.positions = positions;
        this.profiles = profiles;
    }

    /**
     * An admin's removal from the console: the token is given back to Intercom ({@code POST /auth/uninstall}, which
     * removes the app from the workspace there), then everything goes as when Intercom calls the uninstall URL. When
     * Intercom cannot be reached, nothing is removed and the admin is told to try again; a token Intercom already
     * refuses is removed here all the same.
     */
    public Removal removeAtAdminsRequest(String workspaceId) {
        if (workspaces.installation(workspaceId).isEmpty()) {
            return Removal.NOT_INSTALLED;
        }
        Workspace workspace = workspaces.resolve(workspaceId);
        if (workspace.token().isPresent()) {
            try {
                intercom.revokeToken(workspace.apiHost(), workspace.token().get());
            } catch (IntercomException.TokenRefused e) {
                Log.infof("Workspace %s: Intercom already refuses the token; removing the installation", workspaceId);
            } catch (IntercomException e) {
                Log.warnf("Workspace %s: the token could not be revoked (%s); nothing removed", workspaceId,
                        e.getMessage());
                return Removal.INTERCOM_UNREACHABLE;
            }
        }
        uninstall(workspaceId);
        return Removal.REMOVED;
    }

    public enum Removal {
        REMOVED, NOT_INSTALLED, INTERCOM_UNREACHABLE
    }

    /** True when the workspace had an installation, now removed; false (nothing changed) when it had none. */
    boolean uninstall(String workspaceId) {
        long[] dropped = new long[2];
        // Before the transaction, so that it does not hold the workspace's sync jobs locked while snapshots are written.
        snapshots.flush();
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            if (!workspaces.uninstall(workspaceId)) {
                return false;
            }
            dropped[0] = syncs.forget(workspaceId);
            dropped[1] = snapshots.deleteWorkspace(workspaceId);
            links.deleteWorkspace(workspaceId);
            positions.forget(workspaceId);
            sessions.endAll(workspaceId);
            settings.forget(workspaceId);
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
