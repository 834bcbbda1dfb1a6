package app.carepanel.console;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.install.AdminSessions;
import app.carepanel.install.Uninstaller;
import app.carepanel.sync.WorkspaceSyncReport;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * The admin console of one workspace ({@code /admin}), for a teammate signed in with Intercom: the installation,
 * the sync (jobs by state, the latest failures with Retry, the rate limit, attribute problems), sign-out and
 * uninstall. Pages are server-rendered; each form carries the session's CSRF token.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final ConsoleAccess access;
    private final AdminSessions sessions;
    private final WorkspaceSyncReport sync;
    private final Workspaces workspaces;
    private final Uninstaller uninstaller;

    ConsoleResource(ConsoleAccess access, AdminSessions sessions, WorkspaceSyncReport sync, Workspaces workspaces,
            Uninstaller uninstaller) {
        this.access = access;
        this.sessions = sessions;
        this.sync = sync;
        this.workspaces = workspaces;
        this.uninstaller = uninstaller;
    }

    @GET
    public Response overview(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("notice") String notice) {
        return access.signedIn(cookie, session -> ConsoleAccess.ok(ConsolePages.overview(access.header(session),
                overviewOf(session.workspaceId(), notice)).render()));
    }

    /** The sync's state alone, for the page to refresh it in place. */
    @GET
    @Path("/sync/state")
    public Response syncState(@CookieParam(AdminSessions.COOKIE) String cookie) {
        Optional<AdminSessions.Session> session = access.session(cookie);
        if (session.isEmpty()) {
            // htmx follows a plain redirect inside the fragment; this header sends the whole page to sign in.
            return Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", "/admin/sign-in").build();
        }
        return ConsoleAccess.ok(ConsolePages.overview$state(access.header(session.get()),
                overviewOf(session.get().workspaceId(), null)).render());
    }

    private ConsoleView.Overview overviewOf(String workspaceId, String notice) {
        WorkspaceSyncReport.Report report = sync.of(workspaceId);
        Optional<Workspaces.Installation> installation = workspaces.installation(workspaceId);
        String installed = installation.map(i -> "Installed " + ConsoleView.when(i.installedAt())
                + (i.installedBy() == null ? "" : " by admin " + i.installedBy()))
                .orElse("Served with the operator's access token (INTERCOM_ACCESS_TOKEN), not installed with OAuth");
        return new ConsoleView.Overview(installed,
                List.of(new ConsoleView.Count("Pending", report.pending()),
                        new ConsoleView.Count("Running", report.running()),
                        new ConsoleView.Count("Failed", report.failed()),
                        new ConsoleView.Count("Done", report.done())),
                ConsoleView.age(report.oldestPending()), ConsoleView.when(report.lastWrite()),
                report.lastFailures().stream().map(f -> new ConsoleView.Failure(f.contactId(), f.state().toLowerCase(),
                        f.attempts(), f.reason(), ConsoleView.when(f.at()))).toList(),
                report.rateLimit().map(r -> r.usedInWindow() + " of " + r.windowBudget() + " calls used in this "
                        + "window" + (r.pausedUntil() == null ? "" : "; paused until " + ConsoleView.when(r.pausedUntil()))
                        + "; " + r.throttledResponses() + " rate-limited answers (429) so far")
                        .orElse("No call to Intercom since the app started"),
                report.attributeProblems(), installation.isPresent(), notices(notice));
    }

    @POST
    @Path("/sync/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @FormParam("contact_id") String contactId) {
        return access.signedInForm(cookie, csrf, session -> {
            if (!IntercomIds.isValid(contactId, IntercomIds.MAX_LENGTH)) {
                return ConsoleAccess.page(Response.Status.BAD_REQUEST, ConsolePages.message("Nothing to retry",
                        "The form named no contact this app can sync.", false).render());
            }
            sync.retry(session.workspaceId(), contactId);
            Log.infof("Admin %s queued the sync of contact %s in workspace %s again", session.adminId(), contactId,
                    session.workspaceId());
            return ConsoleAccess.seeOther("/admin?notice=retried");
        });
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf) {
        Optional<AdminSessions.Session> session = access.session(cookie);
        if (session.isPresent() && !session.get().accepts(csrf)) {
            return access.formRefused();
        }
        sessions.end(cookie);
        return Response.ok(ConsolePages.message("Signed out", "You are signed out of the Care Panel console.", true)
                .render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(sessions.cleared())
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/uninstall")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uninstall(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @FormParam("confirm") String confirm) {
        return access.signedInForm(cookie, csrf, session -> {
            if (!"remove".equals(confirm)) {
                return ConsoleAccess.seeOther("/admin?notice=unconfirmed");
            }
            String workspaceId = session.workspaceId();
            Log.infof("Admin %s asked to remove the app from workspace %s", session.adminId(), workspaceId);
            return switch (uninstaller.removeAtAdminsRequest(workspaceId)) {
                case REMOVED -> Response.ok(ConsolePages.message("Care Panel was removed", "Care Panel is no longer "
                        + "installed in workspace " + workspaceId + ": its access token was revoked, and the client data "
                        + "it held for the workspace was deleted. The access audit trail is kept.", false).render(),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(sessions.cleared())
                        .header("Cache-Control", "no-store").build();
                case NOT_INSTALLED -> ConsoleAccess.seeOther("/admin?notice=not-installed");
                case INTERCOM_UNREACHABLE -> ConsoleAccess.seeOther("/admin?notice=intercom-unreachable");
            };
        });
    }

    private static String notices(String notice) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "retried" -> "The contact's sync was queued again.";
            case "unconfirmed" -> "Nothing was removed: tick the box to confirm the removal.";
            case "not-installed" -> "This workspace was not installed with OAuth: the operator's access token serves "
                    + "it, so there is nothing to remove here.";
            case "intercom-unreachable" -> "Nothing was removed: Intercom could not be reached to revoke the token. "
                    + "Try again in a few minutes.";
            default -> null;
        };
    }
}
