package app.carepanel.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.Appointment;
import app.carepanel.platform.Client.CareTeamMember;
import app.carepanel.platform.Client.Invoice;
import app.carepanel.platform.Client.LinkedAccount;
import app.carepanel.platform.Client.Organization;

/** Test-only builders for the platform's {@link Client} records. */
final class ClientFixtures {

    /** "Now" of most tests: Dec 16, 2025 - 1:10 a.m. EST. */
    static final Instant NOW = Instant.parse("2025-12-16T06:10:00Z");

    private ClientFixtures() {
    }

    /** A client with only an id: every other field missing. */
    static ClientBuilder client(long id) {
        return new ClientBuilder(id);
    }

    /** The spec's example client, Sami Ruhsuf, with every field given. */
    static ClientBuilder sami() {
        return client(4719854)
                .firstName("Sami").lastName("Ruhsuf")
                .email("sami@example.com")
                .phone("(416) 555-0123")
                .status("active")
                .timeZone("America/Toronto")
                .createdAt("2024-10-22T15:00:00Z")
                .profileUrl("https://app.ruhcare.com/users/4719854/overview")
                .organization(org("Ruh Care Inc", "CAD"))
                .group("Active Therapy Clients")
                .tags("SuperBill", "Premium", "Therapy")
                .careTeam(therapist("Dr. Michael Chen"), primaryTherapist("Dr. Sarah Johnson"))
                .invoices(invoice("unpaid", "150.00", null))
                .cardOnFile(true)
                .appointments(
                        appointment("2025-12-15T19:00:00Z", "occurred"),
                        appointment("2025-12-22T19:00:00Z", "scheduled"))
                .intakeFormsCompleted(true)
                .linkedAccounts(linked("Jane Smith", "Spouse"), linked("Tommy Smith", "Child"));
    }

    static Organization org(String name, String currency) {
        return new Organization(1L, name, currency);
    }

    static CareTeamMember therapist(String name) {
        return new CareTeamMember(name, false);
    }

    static CareTeamMember primaryTherapist(String name) {
        return new CareTeamMember(name, true);
    }

    private static long nextId = 1;

    static Invoice invoice(String status, String amountDue, String currency) {
        return new Invoice(nextId++, status, amountDue == null ? null : new BigDecimal(amountDue), currency);
    }

    static Appointment appointment(String startsAt, String status) {
        return new Appointment(nextId++, Instant.parse(startsAt), status);
    }

    static Appointment appointment(Instant startsAt, String status) {
        return new Appointment(nextId++, startsAt, status);
    }

    static LinkedAccount linked(String name, String relationship) {
        return new LinkedAccount(nextId++, name, relationship);
    }

    /** {@code count} appointments with the given status, a week apart, all before {@link #NOW}. */
    static List<Appointment> past(int count, String status) {
        List<Appointment> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(appointment(NOW.minusSeconds(i * 7L * 24 * 3600), status));
        }
        return list;
    }

    static final class ClientBuilder {
        private final long id;
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String status;
        private String timeZone;
        private Instant createdAt;
        private String profileUrl;
        private Organization organization;
        private String group;
        private List<String> tags;
        private List<CareTeamMember> careTeam;
        private List<Invoice> invoices;
        private Boolean cardOnFile;
        private List<Appointment> appointments;
        private Boolean intakeFormsCompleted;
        private List<LinkedAccount> linkedAccounts;

        private ClientBuilder(long id) {
            this.id = id;
        }

        private ClientBuilder(long id, ClientBuilder from) {
            this.id = id;
            firstName = from.firstName;
            lastName = from.lastName;
            email = from.email;
            phone = from.phone;
            status = from.status;
            timeZone = from.timeZone;
            createdAt = from.createdAt;
            profileUrl = from.profileUrl;
            organization = from.organization;
            group = from.group;
            tags = from.tags;
            careTeam = from.careTeam;
            invoices = from.invoices;
            cardOnFile = from.cardOnFile;
            appointments = from.appointments;
            intakeFormsCompleted = from.intakeFormsCompleted;
            linkedAccounts = from.linkedAccounts;
        }

        /** A copy of this client under another id. */
        ClientBuilder withId(long otherId) {
            return new ClientBuilder(otherId, this);
        }

        ClientBuilder firstName(String v) { firstName = v; return this; }
        ClientBuilder lastName(String v) { lastName = v; return this; }
        ClientBuilder email(String v) { email = v; return this; }
        ClientBuilder phone(String v) { phone = v; return this; }
        ClientBuilder status(String v) { status = v; return this; }
        ClientBuilder timeZone(String v) { timeZone = v; return this; }
        ClientBuilder createdAt(String v) { createdAt = v == null ? null : Instant.parse(v); return this; }
        ClientBuilder profileUrl(String v) { profileUrl = v; return this; }
        ClientBuilder organization(Organization v) { organization = v; return this; }
        ClientBuilder group(String v) { group = v; return this; }
        ClientBuilder tags(String... v) { tags = Arrays.asList(v); return this; }
        ClientBuilder tags(List<String> v) { tags = v; return this; }
        ClientBuilder careTeam(CareTeamMember... v) { careTeam = Arrays.asList(v); return this; }
        ClientBuilder careTeam(List<CareTeamMember> v) { careTeam = v; return this; }
        ClientBuilder invoices(Invoice... v) { invoices = Arrays.asList(v); return this; }
        ClientBuilder invoices(List<Invoice> v) { invoices = v; return this; }
        ClientBuilder cardOnFile(Boolean v) { cardOnFile = v; return this; }
        ClientBuilder appointments(Appointment... v) { appointments = Arrays.asList(v); return this; }
        ClientBuilder appointments(List<Appointment> v) { appointments = v; return this; }
        ClientBuilder intakeFormsCompleted(Boolean v) { intakeFormsCompleted = v; return this; }
        ClientBuilder linkedAccounts(LinkedAccount... v) { linkedAccounts = Arrays.asList(v); return this; }
        ClientBuilder linkedAccounts(List<LinkedAccount> v) { linkedAccounts = v; return this; }

        Client build() {
            return new Client(id, firstName, lastName, email, phone, status, timeZone, createdAt, profileUrl,
                    organization, group, tags, careTeam, invoices, cardOnFile, appointments, intakeFormsCompleted,
                    linkedAccounts);
        }
    }
}
