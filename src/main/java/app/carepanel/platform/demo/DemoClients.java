package app.carepanel.platform.demo;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.HOURS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.Appointment;
import app.carepanel.platform.Client.CareTeamMember;
import app.carepanel.platform.Client.Invoice;
import app.carepanel.platform.Client.LinkedAccount;
import app.carepanel.platform.Client.Organization;

/** Made-up clients for the dev-mode demo platform; appointments are placed around the current time. */
public final class DemoClients {

    private static final Organization RUH_CARE = new Organization(1L, "Ruh Care Inc", "CAD");
    private static final Organization RUH_CORP = new Organization(2L, "Ruh Corp", "USD");

    /** The sample client who writes from an address the platform does not know: found only by searching. */
    public static final long WRITES_FROM_ELSEWHERE = 6100007L;
    /** The address that client writes from (the stand-in Intercom's contact has it; no platform account does). */
    public static final String ELSEWHERE_EMAIL = "taylor.home@example.net";

    private DemoClients() {
    }

    /**
     * The sample contacts' emails, once each, in the order below (the dev-mode preview offers them, the stand-in
     * Intercom holds a contact for each): each sample client's login email, except that the client who writes from
     * elsewhere is offered by that other address, so that a newcomer can try "Find client" and "Link".
     */
    public static List<String> emails() {
        return all(Instant.EPOCH).stream()
                .map(c -> c.id() == WRITES_FROM_ELSEWHERE ? ELSEWHERE_EMAIL : c.email()).distinct().toList();
    }

    static List<Client> all(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return List.of(
                // One active client with everything filled in.
                new Client(4719854L, "Sami", "Ruhsuf", "sami@example.com", "(416) 555-0123", "active",
                        "America/Toronto", Instant.parse("2024-10-22T15:00:00Z"), null, RUH_CARE,
                        "Active Therapy Clients", List.of("SuperBill", "Premium", "Therapy"),
                        List.of(new CareTeamMember("Dr. Michael Chen", false), new CareTeamMember("Dr. Sarah Johnson", true)),
                        List.of(new Invoice(9001L, "unpaid", new BigDecimal("100.00"), "CAD"),
                                new Invoice(9002L, "partially_paid", new BigDecimal("50.00"), null),
                                new Invoice(9003L, "paid", new BigDecimal("0.00"), "CAD")),
                        true,
                        List.of(new Appointment(1L, hour.minus(21, DAYS), "occurred"),
                                new Appointment(2L, hour.minus(14, DAYS), "late_cancellation"),
                                new Appointment(3L, hour.minus(7, DAYS), "occurred"),
                                new Appointment(4L, hour.plus(6, DAYS).plus(3, HOURS), "scheduled")),
                        true, List.of(new LinkedAccount(4719855L, "Jane Smith", "Spouse"),
                                new LinkedAccount(4719856L, "Tommy Smith", "Child"))),
                // One person with two accounts in two organizations.
                new Client(131447L, "Jordan", "Lee", "jordan.lee@example.com", "+1 604 555 0199", "active",
                        "America/Vancouver", Instant.parse("2025-06-02T18:30:00Z"), null, RUH_CORP, "Couples",
                        List.of("Couples"), List.of(new CareTeamMember("Dr. Amina Yusuf", true)),
                        List.of(new Invoice(9101L, "unpaid", new BigDecimal("1250.50"), "USD")), false,
                        List.of(new Appointment(10L, hour.plus(2, DAYS), "scheduled")), true, List.of()),
                new Client(131446L, "Jordan", "Lee", "jordan.lee@example.com", "604-555-0199", "archived",
                        "America/Vancouver", Instant.parse("2023-01-10T17:00:00Z"), null, RUH_CARE, "Individual",
                        List.of(), List.of(new CareTeamMember("Dr. Sarah Johnson", true)), List.of(), true,
                        List.of(new Appointment(11L, Instant.parse("2023-03-01T19:00:00Z"), "occurred")), true,
                        List.of()),
                // A new client: no appointments, no invoices, intake not done.
                new Client(5200001L, "Riley", "Park", "riley.park@example.com", null, "active", null,
                        now.minus(2, DAYS), null, RUH_CARE, null, List.of(), List.of(), List.of(), false, List.of(),
                        false, List.of()),
                // An archived client who still owes money.
                new Client(3100042L, "Alex", "Morgan", "alex.morgan@example.com", "416 555 0177", "archived",
                        "America/Toronto", Instant.parse("2022-02-14T14:00:00Z"), null, RUH_CARE, "Former Clients",
                        List.of("Collections"), List.of(new CareTeamMember("Dr. Michael Chen", true)),
                        List.of(new Invoice(9201L, "unpaid", new BigDecimal("2400"), "CAD")), false,
                        List.of(new Appointment(20L, Instant.parse("2024-05-01T16:00:00Z"), "occurred")), true,
                        List.of()),
                // A client whose platform email is not the one she writes from: search "Taylor", then link.
                new Client(WRITES_FROM_ELSEWHERE, "Taylor", "Brooks", "t.brooks@clinic-mail.example", "(647) 555-0142",
                        "active", "America/Toronto", Instant.parse("2025-09-03T13:00:00Z"), null, RUH_CARE,
                        "Active Therapy Clients", List.of("Therapy"), List.of(new CareTeamMember("Dr. Amina Yusuf", true)),
                        List.of(), true, List.of(new Appointment(30L, hour.minus(10, DAYS), "occurred"),
                                new Appointment(31L, hour.plus(4, DAYS), "scheduled")),
                        true, List.of()));
    }
}
