package app.carepanel.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.carepanel.audit.AuditQuery;
import app.carepanel.web.IntercomIds;

/**
 * The access audit page's filter form, as typed (blank: no filter): an admin id, a contact id, and a range of UTC
 * days, {@code to} included. {@link #check} turns it into a query of the signed-in workspace's rows, or says in words
 * what is wrong with it.
 */
record AuditFilter(String adminId, String contactId, String from, String to) {

    /** The form's values, stripped of surrounding spaces, blank as empty. */
    static AuditFilter of(String adminId, String contactId, String from, String to) {
        return new AuditFilter(clean(adminId), clean(contactId), clean(from), clean(to));
    }

    /** The query, or the problems with the input. */
    record Checked(AuditQuery query, String problem) {
    }

    Checked check(String workspaceId) {
        List<String> problems = new ArrayList<>();
        checkId(adminId, "admin id", problems);
        checkId(contactId, "contact id", problems);
        LocalDate fromDay = day(from, "from", problems);
        LocalDate toDay = day(to, "to", problems);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            problems.add("The from date (" + from + ") is after the to date (" + to + "): no row can match.");
        }
        if (!problems.isEmpty()) {
            return new Checked(null, String.join(" ", problems));
        }
        return new Checked(new AuditQuery(workspaceId, adminId.isEmpty() ? null : adminId,
                contactId.isEmpty() ? null : contactId, start(fromDay), toDay == null ? null : start(toDay.plusDays(1))),
                null);
    }

    /** The filters as a URL query ({@code admin_id=…&contact_id=…&from=…&to=…}, the set ones only); may be empty. */
    String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("admin_id", adminId);
        params.put("contact_id", contactId);
        params.put("from", from);
        params.put("to", to);
        return params.entrySet().stream().filter(param -> !param.getValue().isEmpty())
                .map(param -> param.getKey() + "=" + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    boolean isEmpty() {
        return queryString().isEmpty();
    }

    private static void checkId(String id, String what, List<String> problems) {
        if (!id.isEmpty() && !IntercomIds.isValid(id, IntercomIds.MAX_LENGTH)) {
            problems.add("The " + what + " is not an Intercom id: at most " + IntercomIds.MAX_LENGTH
                    + " letters, digits or signs, without spaces.");
        }
    }

    private static LocalDate day(String text, String what, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() >= 1 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // Said below.
        }
        problems.add("The " + what + " date is not a date: pick one, or write it as 2026-01-31.");
        return null;
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
