package app.carepanel.profile;

import static app.carepanel.profile.AccountFacts.isBlank;
import static app.carepanel.profile.AccountFacts.orEmpty;
import static app.carepanel.profile.Attribute.EMPTY;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.CareTeamMember;

/**
 * The one formatting core of {@code ATTRIBUTES.md}: turns the platform's accounts for an email into the values
 * that the panel shows and the sync writes. Pure: the same accounts, settings and time give the same profile.
 */
public final class ProfileFormatter {

    static final String ACCOUNT_SEPARATOR = " | ";
    private static final String LIST_SEPARATOR = ", ";

    private final FormatSettings settings;
    private final ValueFormats formats;

    public ProfileFormatter(FormatSettings settings) {
        this.settings = settings;
        this.formats = new ValueFormats(settings);
    }

    /**
     * The profile of every account matching one email, fetched at {@code fetchedAt} (which is also "now" for
     * the last and next appointment and the time zone's abbreviation).
     */
    public ClientProfile format(List<Client> clients, Instant fetchedAt) {
        List<AccountFacts> facts = orEmpty(clients).stream()
                .filter(c -> c.id() != null)
                .sorted(Comparator.comparing(Client::id))
                .map(c -> AccountFacts.of(c, fetchedAt, settings.defaultCurrency()))
                .toList();
        List<AccountValues> accounts = facts.stream().map(f -> accountValues(f, fetchedAt)).toList();

        Map<Attribute, String> combined = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (attribute.perAccount()) {
                combined.put(attribute, accounts.isEmpty()
                        ? EMPTY
                        : accounts.stream().map(a -> a.get(attribute)).collect(Collectors.joining(ACCOUNT_SEPARATOR)));
            }
        }
        combined.put(Attribute.PLATFORM_ACCOUNT_EXISTS, yesNo(!accounts.isEmpty()));
        combined.put(Attribute.MULTIPLE_ACCOUNTS, yesNo(accounts.size() > 1));
        combined.put(Attribute.USER_DATA_UPDATED_ON, formats.dateTime(fetchedAt));
        return new ClientProfile(fetchedAt, accounts, combined, companions(facts));
    }

    private AccountValues accountValues(AccountFacts facts, Instant now) {
        Client c = facts.client();
        Map<Attribute, String> v = new EnumMap<>(Attribute.class);
        v.put(Attribute.CLIENT_ID, String.valueOf(c.id()));
        v.put(Attribute.NAME, orDash(Stream.of(c.firstName(), c.lastName())
                .filter(Objects::nonNull).map(String::trim).collect(Collectors.joining(" ")).trim()));
        v.put(Attribute.PHONE_NUMBER, isBlank(c.phone()) ? EMPTY : formats.phone(c.phone()));
        v.put(Attribute.CLIENT_PROFILE_LINK, profileLink(c));
        v.put(Attribute.CLIENT_STATUS, isBlank(c.status()) ? EMPTY : capitalized(c.status().trim()));
        v.put(Attribute.TIME_ZONE, isBlank(c.timeZone()) ? EMPTY : formats.zoneWithAbbreviation(c.timeZone(), now));
        v.put(Attribute.CLIENT_SINCE, c.createdAt() == null ? EMPTY : formats.dateTime(c.createdAt()));
        v.put(Attribute.THERAPIST_NAME, joined(orEmpty(c.careTeam()).stream()
                .sorted(Comparator.comparing((CareTeamMember m) -> !Boolean.TRUE.equals(m.primary())))
                .map(CareTeamMember::name)));
        v.put(Attribute.TAGS, joined(orEmpty(c.tags()).stream()));
        v.put(Attribute.GROUP, orDash(c.group()));
        v.put(Attribute.UNPAID_INVOICES, facts.unpaidByCurrency().isEmpty()
                ? "No"
                : "Yes, " + formats.money(facts.unpaidByCurrency()) + " due");
        v.put(Attribute.CARD_ON_FILE, c.cardOnFile() == null ? EMPTY : yesNo(c.cardOnFile()));
        v.put(Attribute.NUMBER_OF_SESSIONS, sessions(facts.sessions(), facts.lateCancellations()));
        v.put(Attribute.LAST_APPOINTMENT, appointment(facts.lastAppointment()));
        v.put(Attribute.NEXT_APPOINTMENT, appointment(facts.nextAppointment()));
        v.put(Attribute.INTAKE_FORMS_COMPLETED, c.intakeFormsCompleted() == null ? EMPTY : yesNo(c.intakeFormsCompleted()));
        v.put(Attribute.SUB_ORG, c.organization() == null ? EMPTY : orDash(c.organization().name()));
        v.put(Attribute.LINKED_ACCOUNTS, joined(orEmpty(c.linkedAccounts()).stream()
                .filter(l -> !isBlank(l.name()))
                .map(l -> isBlank(l.relationship())
                        ? l.name().trim()
                        : l.name().trim() + " (" + l.relationship().trim() + ")")));
        return new AccountValues(c.id(), v);
    }

    private TypedCompanions companions(List<AccountFacts> facts) {
        if (facts.isEmpty()) {
            return TypedCompanions.none();
        }
        AccountFacts first = facts.get(0);
        Long nextAppointment = facts.stream()
                .flatMap(f -> f.nextAppointment().stream())
                .min(Comparator.naturalOrder())
                .map(Instant::getEpochSecond)
                .orElse(null);
        BigDecimal balance = balance(facts);
        return new TypedCompanions(
                true,
                nextAppointment,
                first.lastAppointment().map(Instant::getEpochSecond).orElse(null),
                Optional.ofNullable(first.client().createdAt()).map(Instant::getEpochSecond).orElse(null),
                balance,
                first.sessions());
    }

    /**
     * The typed {@code unpaid_balance}, "in the organization's currency" as ATTRIBUTES.md says: the amount owed in
     * the currency of the account with the lowest client id (its organization's, else its invoices', else the
     * default), summed over the accounts. Amounts in other currencies cannot be converted and are left out, so the
     * number never mixes currencies.
     */
    private static BigDecimal balance(List<AccountFacts> facts) {
        String currency = facts.get(0).currency();
        return facts.stream().map(f -> f.unpaidIn(currency)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String profileLink(Client c) {
        if (!isBlank(c.profileUrl())) {
            return c.profileUrl().trim();
        }
        return settings.profileUrlTemplate()
                .filter(t -> !t.isBlank())
                .map(t -> t.replace("{id}", String.valueOf(c.id())))
                .orElse(EMPTY);
    }

    private String appointment(Optional<Instant> at) {
        return at.map(formats::dateTime).orElse("No Appointments");
    }

    static String sessions(int held, int late) {
        String text = held + (held == 1 ? " session" : " sessions");
        if (late > 0) {
            text += " (" + late + (late == 1 ? " late cancellation)" : " late cancellations)");
        }
        return text;
    }

    private static String joined(Stream<String> values) {
        return orDash(values.filter(s -> !isBlank(s)).map(String::trim).collect(Collectors.joining(LIST_SEPARATOR)));
    }

    private static String capitalized(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String orDash(String value) {
        return isBlank(value) ? EMPTY : value.trim();
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
