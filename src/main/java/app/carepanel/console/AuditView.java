package app.carepanel.console;

import java.util.List;

import app.carepanel.audit.AccessRecord;

/**
 * What the access audit page shows: the filter form as typed, the rows in words, where the next pages are, the
 * CSV of the same filters, and a problem with the filters (then no rows and no links).
 */
record AuditView(AuditFilter filter, List<Row> rows, String summary, String olderHref, String newestHref,
        String csvHref, String problem) {

    record Row(String at, String adminId, String contactId, String clientIds, String action, String outcome) {

        static Row of(AccessRecord record) {
            return new Row(ConsoleView.when(record.at), orDash(record.adminId), orDash(record.contactId),
                    orDash(record.clientIds), record.action, record.outcome);
        }

        private static String orDash(String value) {
            return value == null || value.isEmpty() ? "–" : value;
        }
    }

    static AuditView refused(AuditFilter filter, String problem) {
        return new AuditView(filter, List.of(), null, null, null, null, problem);
    }
}
