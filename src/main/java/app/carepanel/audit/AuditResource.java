package app.carepanel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import app.carepanel.sync.SyncConfig;
import app.carepanel.web.BadRequest;
import app.carepanel.web.BearerToken;
import app.carepanel.web.IntercomIds;

/**
 * {@code GET /audit/access?workspace_id=…&from=…&to=…}: the access audit trail of a workspace as CSV
 * ({@link AuditCsv}), behind the sync API's bearer token.
 */
@Path("/audit/access")
public class AuditResource {

    private final SyncConfig config;
    private final Clock clock;

    AuditResource(SyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(AuditCsv.TYPE)
    public Response access(@QueryParam("workspace_id") String workspaceIdParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        String workspaceId = IntercomIds.require(workspaceIdParam, "workspace_id");
        Instant from = instant(fromParam, "from", Instant.EPOCH);
        Instant to = instant(toParam, "to", clock.instant());
        if (!from.isBefore(to)) {
            throw new BadRequest("from must be before to");
        }
        return AuditCsv.download(AuditQuery.between(workspaceId, from, to), "access-audit-" + workspaceId);
    }

    private static Instant instant(String text, String name, Instant absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " is not an ISO-8601 UTC time such as 2026-01-31T00:00:00Z");
        }
    }
}
