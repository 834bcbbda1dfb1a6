package app.carepanel.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/**
 * Reads the access audit trail a page at a time, by keyset on (time, id): each page is one range read of the index
 * on (workspace, time, id), however deep into the trail it is, and rows written meanwhile shift nothing.
 */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** Where a page stopped: the last row's time and id. Written in links as {@code <ISO-8601 time>_<id>}. */
    public record Position(Instant at, long id) {

        public static Position of(AccessRecord row) {
            return new Position(row.at, row.id);
        }

        /** The position a link carried; empty when the text is none. */
        public static Optional<Position> parse(String text) {
            int separator = text == null ? -1 : text.lastIndexOf('_');
            if (separator < 0) {
                return Optional.empty();
            }
            try {
                long id = Long.parseLong(text.substring(separator + 1));
                return id < 0 ? Optional.empty() : Optional.of(new Position(Instant.parse(text.substring(0, separator)), id));
            } catch (NumberFormatException | DateTimeParseException e) {
                return Optional.empty();
            }
        }

        public String text() {
            return at + "_" + id;
        }
    }

    /** Up to {@code limit} rows, oldest first, after {@code after} (null: from the first). */
    public static List<AccessRecord> oldestFirst(AuditQuery query, Position after, int limit) {
        return read(query, after, limit, false);
    }

    /** Up to {@code limit} rows, newest first, before {@code before} (null: from the newest). */
    public static List<AccessRecord> newestFirst(AuditQuery query, Position before, int limit) {
        return read(query, before, limit, true);
    }

    private static List<AccessRecord> read(AuditQuery query, Position position, int limit, boolean newestFirst) {
        StringBuilder where = new StringBuilder("workspaceId = :workspace");
        Parameters parameters = Parameters.with("workspace", query.workspaceId());
        if (query.adminId() != null) {
            where.append(" and adminId = :admin");
            parameters.and("admin", query.adminId());
        }
        if (query.contactId() != null) {
            where.append(" and contactId = :contact");
            parameters.and("contact", query.contactId());
        }
        if (query.from() != null) {
            where.append(" and at >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and at < :to");
            parameters.and("to", query.to());
        }
        if (position != null) {
            String beyond = newestFirst ? "<" : ">";
            where.append(" and (at ").append(beyond).append(" :at or (at = :at and id ").append(beyond).append(" :id))");
            parameters.and("at", position.at()).and("id", position.id());
        }
        where.append(newestFirst ? " order by at desc, id desc" : " order by at, id");
        return QuarkusTransaction.requiringNew().call(() ->
                AccessRecord.<AccessRecord>find(where.toString(), parameters).page(0, limit).list());
    }
}
