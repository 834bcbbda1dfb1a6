package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.sync.WorkspaceSyncs;
import app.carepanel.workspace.AllowedWorkspaces;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.WorkspaceConfig;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * Finishes an installation whose state checked out: exchanges the code for the workspace's token, asks
 * {@code GET /me} whose token it is, refuses an admin whose email Intercom has not verified and a workspace not
 * in {@code INSTALL_ALLOWED_WORKSPACES} (giving the token back to Intercom), and otherwise stores the token,
 * sealed, replacing any earlier one. The workspace's waiting syncs then run.
 */
@ApplicationScoped
class Installer {

    private final Grants grants;
    private final IntercomClient intercom;
    private final AllowedWorkspaces allowed;
    private final Workspaces workspaces;
    private final WorkspaceConfig hosts;
    private final WorkspaceSyncs syncs;

    Installer(Grants grants, IntercomClient intercom, AllowedWorkspaces allowed,
            Workspaces workspaces, WorkspaceConfig hosts, WorkspaceSyncs syncs) {
        this.grants = grants;
        this.intercom = intercom;
        this.allowed = allowed;
        this.workspaces = workspaces;
        this.hosts = hosts;
        this.syncs = syncs;
    }

    /** How an installation ended: the workspace installed, or a reason in plain words for the admin. */
    sealed interface Result {
        record Installed(String workspaceId) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    Result complete(String code) {
        Grants.Grant grant = grants.redeem(code, "installation");
        if (grant instanceof Grants.Grant.Refused refused) {
            return new Result.Refused(refused.reason());
        }
        Grants.Grant.Granted granted = (Grants.Grant.Granted) grant;
        String workspaceId = granted.workspaceId();
        if (!granted.emailVerified()) {
            giveBack(granted);
            Log.infof("Installation in workspace %s refused: admin %s has no verified email", workspaceId,
                    granted.found().owner().id());
            return new Result.Refused("Your Intercom email address is not verified. Verify it in Intercom, then "
                    + "install Care Panel again.");
        }
        if (!allowed.permits(workspaceId)) {
            giveBack(granted);
            Log.warnf("Installation in workspace %s refused: not in INSTALL_ALLOWED_WORKSPACES", workspaceId);
            return new Result.Refused("This workspace (" + workspaceId + ") is not allowed to use Care Panel. Ask "
                    + "the person who runs Care Panel to allow it, then install again.");
        }
        String adminId = granted.adminId();
        Region region = granted.found().region();
        workspaces.install(workspaceId, region, granted.token(), adminId);
        syncs.wake(workspaceId);
        Log.infof("Workspace %s installed the app (admin %s, region %s)", workspaceId, adminId, region.code());
        return new Result.Installed(workspaceId);
    }

    /** A token the app will not keep is revoked, so that no grant is left behind; failing that is only logged. */
    private void giveBack(Grants.Grant.Granted granted) {
        try {
            intercom.revokeToken(hosts.apiHost(granted.found().region()), granted.token());
        } catch (IntercomException e) {
            Log.infof("A refused installation's token could not be revoked: %s", e.getMessage());
        }
    }
}
