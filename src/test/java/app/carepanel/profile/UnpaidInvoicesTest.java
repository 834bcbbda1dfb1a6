package app.carepanel.profile;

import static app.carepanel.profile.ClientFixtures.NOW;
import static app.carepanel.profile.ClientFixtures.client;
import static app.carepanel.profile.ClientFixtures.invoice;
import static app.carepanel.profile.ClientFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.Invoice;

/** Unpaid Invoices: the owed total, its currency and money format, and the unpaid_balance companion. */
class UnpaidInvoicesTest {

    private static final ProfileFormatter DEFAULTS = new ProfileFormatter(FormatSettings.defaults());

    private static ClientProfile format(Client client) {
        return DEFAULTS.format(List.of(client), NOW);
    }

    private static String unpaid(Client client) {
        return format(client).get(Attribute.UNPAID_INVOICES);
    }

    private static Client cadClient(Invoice... invoices) {
        return client(1).organization(org("Ruh Care Inc", "CAD")).invoices(invoices).build();
    }

    @Test
    void showsTheSpecExampleForOneUnpaidInvoice() {
        assertThat(unpaid(cadClient(invoice("unpaid", "150.00", null)))).isEqualTo("Yes, CAD$150 due");
    }

    @Test
    void addsUnpaidAndPartiallyPaidInvoicesWithThousandsSeparatorAndCents() {
        Client c = client(1).organization(org("Ruh Care US", "USD")).invoices(
                invoice("unpaid", "1000.50", null),
                invoice("partially_paid", "250.00", null)).build();
        assertThat(unpaid(c)).isEqualTo("Yes, USD$1,250.50 due");
    }

    @Test
    void showsEurosWithTheEuroSign() {
        Client c = client(1).organization(org("Ruh Care EU", "EUR")).invoices(invoice("unpaid", "80.00", null)).build();
        assertThat(unpaid(c)).isEqualTo("Yes, EUR€80 due");
    }

    @Test
    void sumsExactlyWithoutFloatingPointDrift() {
        Client c = cadClient(
                invoice("unpaid", "0.10", null), invoice("unpaid", "0.20", null),
                invoice("unpaid", "0.10", null), invoice("unpaid", "0.20", null),
                invoice("partially_paid", "0.10", null), invoice("partially_paid", "0.20", null));
        ClientProfile profile = format(c);

        assertThat(profile.get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, CAD$0.90 due");
        assertThat(profile.companions().unpaidBalance()).isEqualByComparingTo("0.90");
    }

    @Test
    void ignoresDraftPaidAndVoidInvoices() {
        Client c = cadClient(
                invoice("draft", "500.00", null),
                invoice("paid", "200.00", null),
                invoice("void", "300.00", null),
                invoice("unpaid", "40.00", null));
        assertThat(unpaid(c)).isEqualTo("Yes, CAD$40 due");
    }

    @Test
    void saysNoWhenOnlyDraftPaidOrVoidInvoicesHaveAmounts() {
        Client c = cadClient(
                invoice("draft", "500.00", null),
                invoice("paid", "200.00", null),
                invoice("void", "300.00", null));
        assertThat(unpaid(c)).isEqualTo("No");
    }

    @Test
    void saysNoWhenTheTotalIsZero() {
        assertThat(unpaid(cadClient(invoice("unpaid", "0.00", null)))).isEqualTo("No");
    }

    @Test
    void saysNoWhenTheTotalIsNegative() {
        Client c = cadClient(invoice("unpaid", "50.00", null), invoice("partially_paid", "-80.00", null));
        assertThat(unpaid(c)).isEqualTo("No");
    }

    @Test
    void nettsACreditAgainstAnAmountOwed() {
        Client c = cadClient(invoice("unpaid", "200.00", null), invoice("partially_paid", "-50.00", null));
        assertThat(unpaid(c)).isEqualTo("Yes, CAD$150 due");
    }

    @Test
    void saysNoWithoutInvoices() {
        assertThat(unpaid(client(1).build())).isEqualTo("No");
        assertThat(unpaid(client(1).invoices(List.of()).build())).isEqualTo("No");
    }

    @Test
    void usesTheOrganizationsCurrencyBeforeTheInvoices() {
        Client c = client(1).organization(org("Ruh Care US", "USD")).invoices(invoice("unpaid", "75.00", null)).build();
        assertThat(unpaid(c)).isEqualTo("Yes, USD$75 due");
    }

    @Test
    void usesTheInvoicesCurrencyWithoutAnOrganization() {
        Client c = client(1).invoices(invoice("unpaid", "75.00", "EUR")).build();
        assertThat(unpaid(c)).isEqualTo("Yes, EUR€75 due");
    }

    @Test
    void usesTheInvoicesCurrencyWhenTheOrganizationHasNone() {
        Client c = client(1).organization(org("Ruh Care Inc", null)).invoices(invoice("unpaid", "75.00", "USD")).build();
        assertThat(unpaid(c)).isEqualTo("Yes, USD$75 due");
    }

    @Test
    void usesTheDefaultCurrencyCadWhenNeitherOrganizationNorInvoicesHaveOne() {
        Client c = client(1).invoices(invoice("unpaid", "75.00", null)).build();
        assertThat(unpaid(c)).isEqualTo("Yes, CAD$75 due");
    }

    @Test
    void usesTheConfiguredDefaultCurrency() {
        ProfileFormatter usd = new ProfileFormatter(
                new FormatSettings(ZoneId.of("America/Toronto"), "USD", "CA", Optional.empty()));
        Client c = client(1).invoices(invoice("unpaid", "1250.50", null)).build();
        assertThat(usd.format(List.of(c), NOW).get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, USD$1,250.50 due");
    }

    @Test
    void totalsAnInvoiceInAnotherCurrencySeparatelyAfterTheAccountCurrency() {
        Client c = cadClient(
                invoice("unpaid", "100.00", null),
                invoice("unpaid", "20.00", "USD"),
                invoice("partially_paid", "50.00", "CAD"));
        assertThat(unpaid(c)).isEqualTo("Yes, CAD$150 + USD$20 due");
    }

    @Test
    void treatsAnInvoiceInTheAccountCurrencyWrittenInLowerCaseAsTheSameCurrency() {
        Client c = cadClient(invoice("unpaid", "100.00", null), invoice("unpaid", "50.00", "cad"));
        assertThat(unpaid(c)).isEqualTo("Yes, CAD$150 due");
    }

    @Test
    void showsOnlyTheOtherCurrencyWhenNothingIsOwedInTheAccountCurrency() {
        Client c = cadClient(invoice("paid", "100.00", null), invoice("unpaid", "20.00", "USD"));
        assertThat(unpaid(c)).isEqualTo("Yes, USD$20 due");
    }

    @Test
    void writesTheUnpaidBalanceCompanion() {
        assertThat(format(cadClient(invoice("unpaid", "150.00", null))).companions().unpaidBalance())
                .isEqualByComparingTo("150");
    }

    @Test
    void writesAZeroUnpaidBalanceWhenNothingIsOwed() {
        assertThat(format(cadClient(invoice("paid", "150.00", null))).companions().unpaidBalance())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void keepsTheUnpaidBalanceInTheOrganizationsCurrencyWhenAnInvoiceIsInAnother() {
        // ATTRIBUTES.md: unpaid_balance is "float, in the organization's currency"; USD 20 is not CAD 20.
        Client c = cadClient(invoice("unpaid", "150.00", null), invoice("unpaid", "20.00", "USD"));
        assertThat(format(c).companions().unpaidBalance()).isEqualByComparingTo("150");
    }

    @Test
    void writesAZeroBalanceWhenOnlyAnotherCurrencyIsOwed() {
        // "in the organization's currency": nothing is owed in CAD, and USD 20 cannot be written as CAD.
        Client c = cadClient(invoice("paid", "100.00", null), invoice("unpaid", "20.00", "USD"));
        assertThat(format(c).companions().unpaidBalance()).isEqualByComparingTo("0");
    }
}
