package app.carepanel.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The access audit trail as CSV (RFC 4180, a header row, times in ISO-8601 UTC), oldest first, the one format of
 * every download ({@code GET /audit/access}, the console's {@code /admin/audit.csv}). Rows are read and written a
 * page at a time, so that years of views never sit in memory at once.
 */
public final class AuditCsv {

    public static final String TYPE = "text/csv; charset=utf-8";
    static final int PAGE = 1000;
    /** Quotes a field only when it needs it (a comma, a quote, a line break), as RFC 4180 allows. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("time").addColumn("workspace_id").addColumn("admin_id").addColumn("contact_id")
            .addColumn("client_ids").addColumn("action").addColumn("outcome")
            .setLineSeparator("\r\n")
            .build().withHeader();

    private AuditCsv() {
    }

    /**
     * The rows as a download named {@code <name>.csv}; the name is kept to letters, digits, dots, dashes and
     * underscores, so that no id can break the header.
     */
    public static Response download(AuditQuery query, String name) {
        StreamingOutput body = output -> write(output, query);
        return Response.ok(body, TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    static void write(OutputStream output, AuditQuery query) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        try (SequenceWriter rows = MAPPER.writer(SCHEMA).writeValues(writer)) {
            AuditTrail.Position after = null;
            List<AccessRecord> page;
            do {
                page = AuditTrail.oldestFirst(query, after, PAGE);
                for (AccessRecord row : page) {
                    rows.write(new Object[] { row.at.toString(), row.workspaceId, text(row.adminId),
                        text(row.contactId), text(row.clientIds), row.action, row.outcome });
                    after = AuditTrail.Position.of(row);
                }
                writer.flush();
            } while (page.size() == PAGE);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
