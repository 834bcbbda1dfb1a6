package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * Finishes a console sign-in whose state checked out: the teammate Intercom vouches for, with a verified email,
 * in a workspace this app serves, gets a session for that workspace. Intercom lets only teammates who may manage
 * the workspace's apps authorize one, which is who the console is for.
 * <p>
 * The token the sign-in's code yields is used for {@code GET /me} only: it is neither stored nor revoked, since
 * Intercom's revocation ({@code POST /auth/uninstall}) would remove the app from the workspace.
 */
@ApplicationScoped
class SignIn {

    private final Grants grants;
    private final Workspaces workspaces;
    private final AdminSessions sessions;

    SignIn(Grants grants, Workspaces workspaces, AdminSessions sessions) {
        this.grants = grants;
        this.workspaces = workspaces;
        this.sessions = sessions;
    }

    sealed interface Result {
        /** {@code cookieValue}: the new session's, for the browser only. */
        record SignedIn(String workspaceId, String cookieValue) implements Result {

            @Override
            public String toString() {
                return "SignedIn[" + workspaceId + "]";
            }
        }

        record Refused(String reason) implements Result {
        }
    }

    Result complete(String code) {
        Grants.Grant grant = grants.redeem(code, "sign-in");
        if (grant instanceof Grants.Grant.Refused refused) {
            return new Result.Refused(refused.reason());
        }
        Grants.Grant.Granted granted = (Grants.Grant.Granted) grant;
        String workspaceId = granted.workspaceId();
        String adminId = granted.adminId();
        if (!granted.emailVerified() || adminId == null) {
            Log.infof("Console sign-in to workspace %s refused: the admin has no verified email", workspaceId);
            return new Result.Refused("Your Intercom email address is not verified. Verify it in Intercom, then "
                    + "sign in again.");
        }
        if (!workspaces.isServed(workspaceId)) {
            Log.infof("Console sign-in to workspace %s refused: the workspace is not served", workspaceId);
            return new Result.Refused("Care Panel is not installed in this Intercom workspace (" + workspaceId
                    + "), or the workspace is not allowed to use it. Install it first, or ask the person who runs "
                    + "Care Panel.");
        }
        Log.infof("Admin %s signed in to the console of workspace %s", adminId, workspaceId);
        return new Result.SignedIn(workspaceId, sessions.start(workspaceId, adminId));
    }
}
