package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.intercom.OAuthTokens;
import app.carepanel.intercom.TokenOwner;
import app.carepanel.intercom.TokenOwners;
import app.carepanel.sync.WorkspaceSyncs;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.AllowedWorkspaces;
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

    private final OAuthTokens oauth;
    private final TokenOwners owners;
    private final IntercomClient intercom;
    private final AllowedWorkspaces allowed;
    private final Workspaces workspaces;
    private final WorkspaceConfig hosts;
    private final WorkspaceSyncs syncs;

    Installer(OAuthTokens oauth, TokenOwners owners, IntercomClient intercom, AllowedWorkspaces allowed,
            Workspaces workspaces, WorkspaceConfig hosts, WorkspaceSyncs syncs) {
        this.oauth = oauth;
        this.owners = owners;
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
        if (code == null || code.isBlank()) {
            Log.info("An installation was refused: the callback carried no code");
            return new Result.Refused("Intercom sent no authorization code. Start the installation again.");
        }
        String token;
        try {
            token = oauth.exchange(code);
        } catch (IntercomException.Rejected e) {
            Log.infof("An installation was refused: %s", e.getMessage());
            return new Result.Refused("Intercom did not accept the authorization code; it may have expired. "
                    + "Start the installation again.");
        } catch (IntercomException e) {
            Log.warnf("An installation could not finish: %s", e.getMessage());
            return new Result.Refused("Intercom could not be reached to finish the installation. Try again in a few minutes.");
        }
        TokenOwners.Found found;
        try {
            found = owners.of(token);
        } catch (IntercomException e) {
            Log.warnf("An installation could not finish: the new token's owner is not known (%s)", e.getMessage());
            return new Result.Refused("Intercom could not say which workspace the installation is for. "
                    + "Try again in a few minutes.");
        }
        TokenOwner owner = found.owner();
        String workspaceId = owner.workspaceId();
        if (!IntercomIds.isValid(workspaceId, IntercomIds.MAX_LENGTH)) {
            return new Result.Refused("Intercom answered a workspace id this app cannot use. Contact the person who "
                    + "runs Care Panel.");
        }
        if (!Boolean.TRUE.equals(owner.emailVerified())) {
            giveBack(found, token);
            Log.infof("Installation in workspace %s refused: admin %s has no verified email", workspaceId, owner.id());
            return new Result.Refused("Your Intercom email address is not verified. Verify it in Intercom, then "
                    + "install Care Panel again.");
        }
        if (!allowed.permits(workspaceId)) {
            giveBack(found, token);
            Log.warnf("Installation in workspace %s refused: not in INSTALL_ALLOWED_WORKSPACES", workspaceId);
            return new Result.Refused("This workspace (" + workspaceId + ") is not allowed to use Care Panel. Ask "
                    + "the person who runs Care Panel to allow it, then install again.");
        }
        String adminId = IntercomIds.isValid(owner.id(), IntercomIds.MAX_LENGTH) ? owner.id() : null;
        workspaces.install(workspaceId, found.region(), token, adminId);
        syncs.wake(workspaceId);
        Log.infof("Workspace %s installed the app (admin %s, region %s)", workspaceId, adminId, found.region().code());
        return new Result.Installed(workspaceId);
    }

    /** A token the app will not keep is revoked, so that no grant is left behind; failing that is only logged. */
    private void giveBack(TokenOwners.Found found, String token) {
        try {
            intercom.revokeToken(hosts.apiHost(found.region()), token);
        } catch (IntercomException e) {
            Log.infof("A refused installation's token could not be revoked: %s", e.getMessage());
        }
    }
}
