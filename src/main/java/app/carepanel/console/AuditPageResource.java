package app.carepanel.console;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.audit.AccessRecord;
import app.carepanel.audit.AuditTrail;
import app.carepanel.install.AdminSessions;

/**
 * {@code GET /admin/audit}: the signed-in workspace's access audit trail, newest first, {@value #PAGE} rows a page
 * ("Older" carries the last row's position), filtered by admin, contact and a range of UTC days. Filters that do not
 * make sense are answered with the form and a sentence saying why.
 */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPageResource {

    static final int PAGE = 50;
    static final String PATH = "/admin/audit";

    private final ConsoleAccess access;

    AuditPageResource(ConsoleAccess access) {
        this.access = access;
    }

    @GET
    public Response page(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("admin_id") String adminId,
            @QueryParam("contact_id") String contactId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") String before) {
        return access.signedIn(cookie, session -> {
            ConsoleView.Header header = access.header(session);
            AuditFilter filter = AuditFilter.of(adminId, contactId, from, to);
            AuditFilter.Checked checked = filter.check(session.workspaceId());
            Optional<AuditTrail.Position> position = AuditTrail.Position.parse(before);
            if (checked.problem() == null && before != null && position.isEmpty()) {
                checked = new AuditFilter.Checked(null, "The link to older rows is damaged: start again from the newest.");
            }
            if (checked.problem() != null) {
                return refused(header, filter, checked.problem());
            }
            List<AccessRecord> rows = AuditTrail.newestFirst(checked.query(), position.orElse(null), PAGE + 1);
            boolean more = rows.size() > PAGE;
            List<AccessRecord> shown = more ? rows.subList(0, PAGE) : rows;
            String query = filter.queryString();
            String olderHref = more ? PATH + "?" + (query.isEmpty() ? "" : query + "&") + "before="
                    + AuditTrail.Position.of(shown.get(PAGE - 1)).text() : null;
            String newestHref = position.isPresent() ? PATH + (query.isEmpty() ? "" : "?" + query) : null;
            AuditView view = new AuditView(filter, shown.stream().map(AuditView.Row::of).toList(),
                    summary(shown.size(), position.isPresent(), filter.isEmpty()), olderHref, newestHref,
                    AuditCsvResource.PATH + (query.isEmpty() ? "" : "?" + query), null);
            return ConsoleAccess.ok(AuditPages.audit(header, view).render());
        });
    }

    /** The page with the form as typed and the problem, no rows. */
    static Response refused(ConsoleView.Header header, AuditFilter filter, String problem) {
        return ConsoleAccess.page(Response.Status.BAD_REQUEST,
                AuditPages.audit(header, AuditView.refused(filter, problem)).render());
    }

    private static String summary(int count, boolean older, boolean unfiltered) {
        if (count == 0) {
            return older ? "No older rows." : unfiltered ? "No panel view has been recorded in this workspace yet."
                    : "No row matches these filters.";
        }
        return (count == 1 ? "1 row" : count + " rows") + (older ? ", older ones" : ", the newest first") + ".";
    }
}
