package app.carepanel.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import app.carepanel.audit.AuditCsv;
import app.carepanel.install.AdminSessions;
import io.quarkus.logging.Log;

/**
 * {@code GET /admin/audit.csv}: the rows the audit page's filters select, all of them, as the CSV of
 * {@code GET /audit/access}, downloaded as {@code access-audit-<workspace>-<UTC date>.csv}.
 */
@Path(AuditCsvResource.PATH)
public class AuditCsvResource {

    static final String PATH = "/admin/audit.csv";

    private final ConsoleAccess access;
    private final Clock clock;

    AuditCsvResource(ConsoleAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GET
    public Response download(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("admin_id") String adminId,
            @QueryParam("contact_id") String contactId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return access.signedIn(cookie, session -> {
            String workspaceId = session.workspaceId();
            AuditFilter filter = AuditFilter.of(adminId, contactId, from, to);
            AuditFilter.Checked checked = filter.check(workspaceId);
            if (checked.problem() != null) {
                return AuditPageResource.refused(access.header(session), filter, checked.problem());
            }
            Log.infof("Admin %s downloaded the access audit of workspace %s", session.adminId(), workspaceId);
            return AuditCsv.download(checked.query(),
                    "access-audit-" + workspaceId + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
    }
}
