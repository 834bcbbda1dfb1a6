package app.carepanel.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.Appointment;
import app.carepanel.platform.Client.Invoice;

/**
 * The values derived from one client's appointments and invoices at a point in time, before formatting;
 * the display strings and the typed companions are both made from these.
 */
record AccountFacts(
        Client client,
        int sessions,
        int lateCancellations,
        Optional<Instant> lastAppointment,
        Optional<Instant> nextAppointment,
        String currency,
        Map<String, BigDecimal> unpaidByCurrency) {

    private static final Set<String> HELD = Set.of("occurred", "late_cancellation");
    private static final Set<String> OWING = Set.of("unpaid", "partially_paid");

    static AccountFacts of(Client client, Instant now, String defaultCurrency) {
        List<Appointment> appointments = orEmpty(client.appointments());
        List<Appointment> held = appointments.stream().filter(a -> HELD.contains(status(a.status()))).toList();
        int late = (int) held.stream().filter(a -> "late_cancellation".equals(status(a.status()))).count();
        Optional<Instant> last = held.stream()
                .map(Appointment::startsAt)
                .filter(Objects::nonNull)
                .filter(t -> !t.isAfter(now))
                .max(Comparator.naturalOrder());
        Optional<Instant> next = appointments.stream()
                .filter(a -> "scheduled".equals(status(a.status())))
                .map(Appointment::startsAt)
                .filter(Objects::nonNull)
                .filter(t -> t.isAfter(now))
                .min(Comparator.naturalOrder());
        List<Invoice> owing = orEmpty(client.invoices()).stream()
                .filter(i -> OWING.contains(status(i.status())) && i.amountDue() != null)
                .toList();
        String currency = accountCurrency(client, owing, defaultCurrency);
        return new AccountFacts(client, held.size(), late, last, next, currency, unpaid(owing, currency));
    }

    /**
     * Amounts still owed, per currency, the account's own currency first. An invoice in another currency than
     * the account's is totalled apart rather than added to a sum it does not belong to.
     */
    private static Map<String, BigDecimal> unpaid(List<Invoice> owing, String accountCurrency) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        totals.put(accountCurrency, BigDecimal.ZERO);
        for (Invoice invoice : owing) {
            String currency = isBlank(invoice.currency()) ? accountCurrency : code(invoice.currency());
            totals.merge(currency, invoice.amountDue(), BigDecimal::add);
        }
        totals.values().removeIf(total -> total.signum() <= 0);
        return totals;
    }

    /** The organization's currency; else the invoices'; else the configured default. */
    private static String accountCurrency(Client client, List<Invoice> owing, String defaultCurrency) {
        if (client.organization() != null && !isBlank(client.organization().currency())) {
            return code(client.organization().currency());
        }
        return owing.stream()
                .map(Invoice::currency)
                .filter(c -> !isBlank(c))
                .map(AccountFacts::code)
                .findFirst()
                .orElse(code(defaultCurrency));
    }

    /** What is owed in the given currency; zero when nothing is. */
    BigDecimal unpaidIn(String currency) {
        return unpaidByCurrency.getOrDefault(currency, BigDecimal.ZERO);
    }

    private static String status(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    }

    private static String code(String currency) {
        return currency.trim().toUpperCase(Locale.ROOT);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
