package app.carepanel.console;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.backfill.Backfill;
import app.carepanel.backfill.BackfillAlreadyRunning;
import app.carepanel.backfill.BackfillProgress;
import app.carepanel.backfill.Backfills;
import app.carepanel.install.AdminSessions;
import app.carepanel.web.ErrorBody;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;

/**
 * The console's backfill ({@code /admin/backfill}): a dry run, the real run (after a confirmation), the current or
 * last backfill of the signed-in teammate's workspace with its progress, which the page's script polls as JSON
 * ({@code /admin/backfill/{id}}, with the session cookie), and Cancel.
 */
@Path("/admin/backfill")
public class BackfillConsoleResource {

    private final ConsoleAccess access;
    private final Backfills backfills;
    private final Workspaces workspaces;
    private final Clock clock;

    BackfillConsoleResource(ConsoleAccess access, Backfills backfills, Workspaces workspaces, Clock clock) {
        this.access = access;
        this.backfills = backfills;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("notice") String notice) {
        return access.signedIn(cookie, session -> {
            BackfillProgress latest = backfills.latest(session.workspaceId())
                    .map(b -> BackfillProgress.of(b, clock.instant())).orElse(null);
            return ConsoleAccess.ok(BackfillPages.backfill(access.header(session), BackfillView.of(notices(notice), latest))
                    .render());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @FormParam("dry_run") String dryRun, @FormParam("confirm") String confirm) {
        return access.signedInForm(cookie, csrf, session -> {
            boolean dry = !"false".equals(dryRun);
            if (!dry && !"write".equals(confirm)) {
                return ConsoleAccess.seeOther("/admin/backfill?notice=unconfirmed");
            }
            String workspaceId = session.workspaceId();
            Workspace workspace = workspaces.resolve(workspaceId);
            if (workspace.token().isEmpty()) {
                return ConsoleAccess.page(Response.Status.CONFLICT, ConsolePages.message("Nothing was started",
                        "The app cannot call Intercom for workspace " + workspaceId + ": " + workspace.whyNoToken() + ".",
                        false).render());
            }
            try {
                backfills.start(workspaceId, dry, session.adminId());
                return ConsoleAccess.seeOther("/admin/backfill?notice=" + (dry ? "started-dry" : "started-write"));
            } catch (BackfillAlreadyRunning e) {
                return ConsoleAccess.seeOther("/admin/backfill?notice=already-running");
            }
        });
    }

    /** The backfill's progress as JSON, for the page's script; only the session's workspace's backfills. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress(@CookieParam(AdminSessions.COOKIE) String cookie, @PathParam("id") String id) {
        Optional<AdminSessions.Session> session = access.session(cookie);
        if (session.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(new ErrorBody("sign in to the console again"))
                    .header("Cache-Control", "no-store").build();
        }
        return ofWorkspace(id, session.get().workspaceId())
                .map(b -> Response.ok(BackfillProgress.of(b, clock.instant())).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorBody("no such backfill in this workspace")).build());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @PathParam("id") String id) {
        return access.signedInForm(cookie, csrf, session -> {
            Optional<Backfill> backfill = ofWorkspace(id, session.workspaceId());
            if (backfill.isEmpty()) {
                return ConsoleAccess.page(Response.Status.NOT_FOUND, ConsolePages.message("No such backfill",
                        "There is no backfill " + id + " in this workspace to cancel.", false).render());
            }
            boolean cancelled = backfills.cancel(backfill.get().id, "admin " + session.adminId())
                    .map(Backfills.Cancellation::cancelledNow).orElse(false);
            return ConsoleAccess.seeOther("/admin/backfill?notice=" + (cancelled ? "cancelled" : "ended"));
        });
    }

    private Optional<Backfill> ofWorkspace(String id, String workspaceId) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return backfills.find(number).filter(b -> b.workspaceId.equals(workspaceId));
    }

    private static String notices(String notice) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "started-dry" -> "The dry run started. It counts what a write would do and writes nothing to Intercom.";
            case "started-write" -> "Every contact's sync is being queued. The syncs run alongside the panel's own.";
            case "unconfirmed" -> "Nothing was started: tick the box to confirm writing every contact.";
            case "already-running" -> "A backfill is already running in this workspace: it is shown below.";
            case "cancelled" -> "The backfill was cancelled. Syncs it had already queued still run.";
            case "ended" -> "That backfill had already ended.";
            default -> null;
        };
    }
}
