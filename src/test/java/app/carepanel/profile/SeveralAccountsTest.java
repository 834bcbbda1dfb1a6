package app.carepanel.profile;

import static app.carepanel.profile.ClientFixtures.NOW;
import static app.carepanel.profile.ClientFixtures.appointment;
import static app.carepanel.profile.ClientFixtures.client;
import static app.carepanel.profile.ClientFixtures.invoice;
import static app.carepanel.profile.ClientFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.carepanel.platform.Client;

/** One email, several clients: per-account values joined by " | " in client id order, and the typed companions. */
class SeveralAccountsTest {

    private static final ProfileFormatter DEFAULTS = new ProfileFormatter(FormatSettings.defaults());

    /** The lower id: Toronto, active, CAD$150 owed, one session, next appointment Dec 22. */
    private static Client torontoAccount() {
        return client(131446)
                .firstName("Sami").lastName("Ruhsuf")
                .status("active")
                .timeZone("America/Toronto")
                .createdAt("2024-10-22T15:00:00Z")
                .organization(org("Ruh Care Inc", "CAD"))
                .tags("SuperBill", "Premium")
                .invoices(invoice("unpaid", "150.00", null))
                .appointments(
                        appointment("2025-12-15T19:00:00Z", "occurred"),
                        appointment("2025-12-22T19:00:00Z", "scheduled"))
                .build();
    }

    /** The higher id: Vancouver, archived, CAD$75.50 owed, one late cancellation, next appointment Dec 19 (earlier). */
    private static Client vancouverAccount() {
        return client(131447)
                .firstName("Sami").lastName("Ruhsuf")
                .status("archived")
                .timeZone("America/Vancouver")
                .createdAt("2025-03-01T17:00:00Z")
                .organization(org("Ruh Care West", "CAD"))
                .invoices(invoice("partially_paid", "75.50", null))
                .appointments(
                        appointment("2025-12-10T20:30:00Z", "late_cancellation"),
                        appointment("2025-12-19T14:00:00Z", "scheduled"))
                .build();
    }

    private static ClientProfile twoAccountsGivenHighestIdFirst() {
        return DEFAULTS.format(List.of(vancouverAccount(), torontoAccount()), NOW);
    }

    @Test
    void ordersClientIdsAscendingWhateverTheInputOrder() {
        assertThat(twoAccountsGivenHighestIdFirst().get(Attribute.CLIENT_ID)).isEqualTo("131446 | 131447");
        assertThat(DEFAULTS.format(List.of(torontoAccount(), vancouverAccount()), NOW).get(Attribute.CLIENT_ID))
                .isEqualTo("131446 | 131447");
    }

    @Test
    void ordersThreeAccountsByNumericId() {
        ClientProfile profile = DEFAULTS.format(List.of(client(300).build(), client(1000).build(), client(20).build()), NOW);
        assertThat(profile.get(Attribute.CLIENT_ID)).isEqualTo("20 | 300 | 1000");
    }

    @Test
    void givesOneAccountSectionPerClientInIdOrder() {
        ClientProfile profile = twoAccountsGivenHighestIdFirst();
        assertThat(profile.accounts()).extracting(AccountValues::clientId).containsExactly(131446L, 131447L);
        assertThat(profile.accounts().get(0).get(Attribute.CLIENT_STATUS)).isEqualTo("Active");
        assertThat(profile.accounts().get(1).get(Attribute.CLIENT_STATUS)).isEqualTo("Archived");
    }

    @Test
    void joinsEveryPerAccountValueInIdOrder() {
        ClientProfile profile = twoAccountsGivenHighestIdFirst();

        assertThat(profile.get(Attribute.NAME)).isEqualTo("Sami Ruhsuf | Sami Ruhsuf");
        assertThat(profile.get(Attribute.CLIENT_STATUS)).isEqualTo("Active | Archived");
        assertThat(profile.get(Attribute.TIME_ZONE)).isEqualTo("America/Toronto (EST) | America/Vancouver (PST)");
        assertThat(profile.get(Attribute.CLIENT_SINCE))
                .isEqualTo("Oct 22, 2024 - 11:00 a.m. EDT | Mar 1, 2025 - 12:00 p.m. EST");
        assertThat(profile.get(Attribute.SUB_ORG)).isEqualTo("Ruh Care Inc | Ruh Care West");
        assertThat(profile.get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, CAD$150 due | Yes, CAD$75.50 due");
        assertThat(profile.get(Attribute.NUMBER_OF_SESSIONS)).isEqualTo("1 session | 1 session (1 late cancellation)");
        assertThat(profile.get(Attribute.LAST_APPOINTMENT))
                .isEqualTo("Dec 15, 2025 - 2:00 p.m. EST | Dec 10, 2025 - 3:30 p.m. EST");
        assertThat(profile.get(Attribute.NEXT_APPOINTMENT))
                .isEqualTo("Dec 22, 2025 - 2:00 p.m. EST | Dec 19, 2025 - 9:00 a.m. EST");
    }

    @Test
    void joinsADashForAnAccountWithoutTheValue() {
        ClientProfile profile = twoAccountsGivenHighestIdFirst();
        assertThat(profile.get(Attribute.TAGS)).isEqualTo("SuperBill, Premium | -");
        assertThat(profile.get(Attribute.PHONE_NUMBER)).isEqualTo("- | -");
    }

    @Test
    void joinsTheDerivedDefaultsOfAnAccountWithoutInvoicesOrAppointments() {
        ClientProfile profile = DEFAULTS.format(List.of(client(131447).build(), torontoAccount()), NOW);
        assertThat(profile.get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, CAD$150 due | No");
        assertThat(profile.get(Attribute.NUMBER_OF_SESSIONS)).isEqualTo("1 session | 0 sessions");
        assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Dec 22, 2025 - 2:00 p.m. EST | No Appointments");
    }

    @Test
    void keepsPlatformAccountExistsMultipleAccountsAndUpdatedOnSingle() {
        ClientProfile profile = twoAccountsGivenHighestIdFirst();
        assertThat(profile.get(Attribute.PLATFORM_ACCOUNT_EXISTS)).isEqualTo("Yes");
        assertThat(profile.get(Attribute.MULTIPLE_ACCOUNTS)).isEqualTo("Yes");
        assertThat(profile.get(Attribute.USER_DATA_UPDATED_ON)).isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
    }

    @Test
    void saysNoMultipleAccountsForASingleClient() {
        ClientProfile profile = DEFAULTS.format(List.of(torontoAccount()), NOW);
        assertThat(profile.get(Attribute.MULTIPLE_ACCOUNTS)).isEqualTo("No");
        assertThat(profile.get(Attribute.PLATFORM_ACCOUNT_EXISTS)).isEqualTo("Yes");
    }

    @Test
    void writesTheLowestIdsCompanionsExceptTheEarliestNextAppointmentAndTheSummedBalance() {
        TypedCompanions companions = twoAccountsGivenHighestIdFirst().companions();

        assertThat(companions.platformAccountExists()).isTrue();
        // 2025-12-19T14:00:00Z, the other account's, earlier than the lowest id's Dec 22
        assertThat(companions.nextAppointmentAt()).isEqualTo(1_766_152_800L);
        // 2025-12-15T19:00:00Z, the lowest id's, although the other account's is different
        assertThat(companions.lastAppointmentAt()).isEqualTo(1_765_825_200L);
        // 2024-10-22T15:00:00Z
        assertThat(companions.clientSinceAt()).isEqualTo(1_729_609_200L);
        assertThat(companions.unpaidBalance()).isEqualByComparingTo(new BigDecimal("225.50"));
        assertThat(companions.sessionsCount()).isEqualTo(1);
    }

    @Test
    void keepsTheLowestIdsEmptyLastAppointmentAndSessionsEvenWhenAnotherAccountHasThem() {
        ClientProfile profile = DEFAULTS.format(List.of(torontoAccount(), client(100).build()), NOW);
        TypedCompanions companions = profile.companions();

        assertThat(companions.lastAppointmentAt()).isNull();
        assertThat(companions.clientSinceAt()).isNull();
        assertThat(companions.sessionsCount()).isZero();
        // the only next appointment is the higher id's: 2025-12-22T19:00:00Z
        assertThat(companions.nextAppointmentAt()).isEqualTo(1_766_430_000L);
        assertThat(companions.unpaidBalance()).isEqualByComparingTo("150");
    }

    @Test
    void sumsTheBalanceOnlyInTheLowestIdsCurrencyAcrossAccountsOfDifferentCurrencies() {
        Client cad = client(131446).organization(org("Ruh Care Inc", "CAD"))
                .invoices(invoice("unpaid", "0.10", null), invoice("partially_paid", "0.20", null)).build();
        Client usd = client(131447).organization(org("Ruh Care US", "USD"))
                .invoices(invoice("unpaid", "1250.50", null), invoice("unpaid", "20.00", "CAD")).build();

        ClientProfile profile = DEFAULTS.format(List.of(usd, cad), NOW);

        assertThat(profile.get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, CAD$0.30 due | Yes, USD$1,250.50 + CAD$20 due");
        // CAD 0.30 + CAD 20; the USD 1,250.50 is not added to Canadian dollars.
        assertThat(profile.companions().unpaidBalance()).isEqualByComparingTo("20.30");
    }

    @Test
    void clearsTheNextAppointmentCompanionWhenNoAccountHasOne() {
        ClientProfile profile = DEFAULTS.format(List.of(client(2).build(), client(1).build()), NOW);
        assertThat(profile.companions().nextAppointmentAt()).isNull();
    }
}
