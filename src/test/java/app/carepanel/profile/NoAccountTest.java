package app.carepanel.profile;

import static app.carepanel.profile.ClientFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

/** No platform account for the email: everything cleared to "-" except the three single values. */
class NoAccountTest {

    private final ClientProfile profile = new ProfileFormatter(FormatSettings.defaults()).format(List.of(), NOW);

    @Test
    void writesNoForPlatformAccountExistsAndMultipleAccountsAndSetsUpdatedOn() {
        assertThat(profile.get(Attribute.PLATFORM_ACCOUNT_EXISTS)).isEqualTo("No");
        assertThat(profile.get(Attribute.MULTIPLE_ACCOUNTS)).isEqualTo("No");
        assertThat(profile.get(Attribute.USER_DATA_UPDATED_ON)).isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
    }

    @Test
    void writesADashToEveryOtherAttributeSoNoStaleValueLingers() {
        assertThat(profile.attributes()).containsExactly(
                entry(Attribute.PLATFORM_ACCOUNT_EXISTS, "No"),
                entry(Attribute.CLIENT_ID, "-"),
                entry(Attribute.NAME, "-"),
                entry(Attribute.PHONE_NUMBER, "-"),
                entry(Attribute.CLIENT_PROFILE_LINK, "-"),
                entry(Attribute.CLIENT_STATUS, "-"),
                entry(Attribute.TIME_ZONE, "-"),
                entry(Attribute.CLIENT_SINCE, "-"),
                entry(Attribute.THERAPIST_NAME, "-"),
                entry(Attribute.TAGS, "-"),
                entry(Attribute.GROUP, "-"),
                entry(Attribute.UNPAID_INVOICES, "-"),
                entry(Attribute.CARD_ON_FILE, "-"),
                entry(Attribute.NUMBER_OF_SESSIONS, "-"),
                entry(Attribute.LAST_APPOINTMENT, "-"),
                entry(Attribute.NEXT_APPOINTMENT, "-"),
                entry(Attribute.INTAKE_FORMS_COMPLETED, "-"),
                entry(Attribute.SUB_ORG, "-"),
                entry(Attribute.MULTIPLE_ACCOUNTS, "No"),
                entry(Attribute.LINKED_ACCOUNTS, "-"),
                entry(Attribute.USER_DATA_UPDATED_ON, "Dec 16, 2025 - 1:10 a.m. EST"));
    }

    @Test
    void hasNoAccountSection() {
        assertThat(profile.accountFound()).isFalse();
        assertThat(profile.accounts()).isEmpty();
        assertThat(profile.fetchedAt()).isEqualTo(NOW);
    }

    @Test
    void writesPlatformAccountExistsFalseAndClearsTheOtherCompanions() {
        TypedCompanions companions = profile.companions();
        assertThat(companions.platformAccountExists()).isFalse();
        assertThat(companions.nextAppointmentAt()).isNull();
        assertThat(companions.lastAppointmentAt()).isNull();
        assertThat(companions.clientSinceAt()).isNull();
        assertThat(companions.unpaidBalance()).isNull();
        assertThat(companions.sessionsCount()).isNull();
    }
}
