package app.carepanel.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Texts;
/**
 * Writes the access audit trail: a row per panel answer (HIPAA asks who saw which record), committed before the
 * canvas goes back, so that no data is shown unrecorded. The rows of answers given at the same moment share one
 * transaction ({@link AuditBatches}). A row holds ids and words, never an email, a name or a value of the record.
 */
@ApplicationScoped
public class AccessAudit {

    /** What the teammate did. */
    public enum Action {
        VIEW, REFRESH, SHOW_ALL, PREVIEW,
        /** A step of finding a client by hand: the search form or a search's matches (the query is not kept). */
        SEARCH,
        /** A step of linking a contact to a client: the confirmation asked, or the link made. */
        LINK,
        /** A contact's link to a client taken off. */
        UNLINK;

        /**
         * As the trail writes it: {@code view}, {@code refresh}, {@code show all}, {@code preview} (the console's),
         * {@code search}, {@code link}, {@code unlink}.
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One panel answer: who saw it, about which contact, which client records it showed, and how it went. */
    public record Entry(String workspaceId, String adminId, String contactId, List<Long> clientIds, Action action,
            String outcome) {
    }

    private final Clock clock;
    private final AuditBatches batches;

    AccessAudit(Clock clock, AuditBatches batches) {
        this.clock = clock;
        this.batches = batches;
    }

    /** Records the answer and returns once it is committed; a failure is thrown, so that the caller shows nothing. */
    public void record(Entry entry) {
        AccessRecord row = new AccessRecord();
        row.at = clock.instant();
        row.workspaceId = entry.workspaceId();
        row.adminId = entry.adminId();
        row.contactId = entry.contactId();
        row.clientIds = entry.clientIds().isEmpty() ? null
                : Texts.cut(entry.clientIds().stream().map(String::valueOf).collect(Collectors.joining(" ")), 1000);
        row.action = entry.action().word();
        row.outcome = Texts.cut(entry.outcome(), 32);
        batches.write(row);
    }
}
