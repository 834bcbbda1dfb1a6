package app.carepanel.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import app.carepanel.sync.SyncConfig;
import app.carepanel.web.BadRequest;
import app.carepanel.web.BearerToken;
import app.carepanel.web.IntercomIds;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code GET /audit/access?workspace_id=…&from=…&to=…}: the access audit trail of a workspace as CSV (RFC 4180,
 * a header row, times in ISO-8601 UTC), oldest first, behind the sync API's bearer token. Rows are read and
 * written a page at a time, so that years of views never sit in memory at once.
 */
@Path("/audit/access")
public class AuditResource {

    static final int PAGE = 1000;
    static final String CSV = "text/csv; charset=utf-8";
    /** Quotes a field only when it needs it (a comma, a quote, a line break), as RFC 4180 allows. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("time").addColumn("workspace_id").addColumn("admin_id").addColumn("contact_id")
            .addColumn("client_ids").addColumn("action").addColumn("outcome")
            .setLineSeparator("\r\n")
            .build().withHeader();

    private final SyncConfig config;
    private final Clock clock;

    AuditResource(SyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(CSV)
    public Response access(@QueryParam("workspace_id") String workspaceIdParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        String workspaceId = IntercomIds.require(workspaceIdParam, "workspace_id");
        Instant from = instant(fromParam, "from", Instant.EPOCH);
        Instant to = instant(toParam, "to", clock.instant());
        if (!from.isBefore(to)) {
            throw new BadRequest("from must be before to");
        }
        StreamingOutput body = output -> write(output, workspaceId, from, to);
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"access-audit-" + workspaceId + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static void write(OutputStream output, String workspaceId, Instant from, Instant to) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        try (SequenceWriter rows = MAPPER.writer(SCHEMA).writeValues(writer)) {
            Instant afterAt = null;
            long afterId = 0;
            List<AccessRecord> page;
            do {
                page = page(workspaceId, from, to, afterAt, afterId);
                for (AccessRecord row : page) {
                    rows.write(new Object[] { row.at.toString(), row.workspaceId, text(row.adminId),
                        text(row.contactId), text(row.clientIds), row.action, row.outcome });
                    afterAt = row.at;
                    afterId = row.id;
                }
                writer.flush();
            } while (page.size() == PAGE);
        }
    }

    /** The next rows in (time, id) order after the last one written: each page is one indexed range read. */
    private static List<AccessRecord> page(String workspaceId, Instant from, Instant to, Instant afterAt, long afterId) {
        return QuarkusTransaction.requiringNew().call(() -> afterAt == null
                ? AccessRecord.<AccessRecord>find("workspaceId = ?1 and at >= ?2 and at < ?3 order by at, id",
                        workspaceId, from, to).page(0, PAGE).list()
                : AccessRecord.<AccessRecord>find("workspaceId = ?1 and at < ?2 and (at > ?3 or (at = ?3 and id > ?4)) "
                        + "order by at, id", workspaceId, to, afterAt, afterId).page(0, PAGE).list());
    }

    private static String text(String value) {
        return value == null ? "" : value;
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
