package app.carepanel.profile;

import static app.carepanel.profile.ClientFixtures.NOW;
import static app.carepanel.profile.ClientFixtures.client;
import static app.carepanel.profile.ClientFixtures.linked;
import static app.carepanel.profile.ClientFixtures.org;
import static app.carepanel.profile.ClientFixtures.primaryTherapist;
import static app.carepanel.profile.ClientFixtures.sami;
import static app.carepanel.profile.ClientFixtures.therapist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import app.carepanel.platform.Client;

/** The per-attribute rules of the ATTRIBUTES.md table, for one platform account. */
class ProfileFormatterTest {

    private static final ProfileFormatter DEFAULTS = new ProfileFormatter(FormatSettings.defaults());

    private static ClientProfile format(Client client) {
        return DEFAULTS.format(List.of(client), NOW);
    }

    private static String value(Client client, Attribute attribute) {
        return format(client).get(attribute);
    }

    @Test
    void labelsAreTheSpecsAttributeNamesInTheSpecsOrder() {
        assertThat(Arrays.stream(Attribute.values()).map(Attribute::label)).containsExactly(
                "Platform Account Exists", "Client ID", "Name", "Phone Number", "Client Profile Link",
                "Client Status", "Time Zone", "Client Since", "Therapist Name", "Tags", "Group",
                "Unpaid Invoices", "Card on File", "Number of Sessions", "Last Appointment", "Next Appointment",
                "Intake Forms Completed", "Sub Org", "Multiple Accounts", "Linked Accounts", "User Data Updated On");
    }

    @Test
    void neverShowsInsuranceOrLeadSource() {
        assertThat(Arrays.stream(Attribute.values()).map(a -> a.label().toLowerCase()))
                .noneMatch(l -> l.contains("insurance") || l.contains("lead"));
    }

    @Test
    void formatsTheSpecsExampleClientAttributeByAttribute() {
        ClientProfile profile = format(sami().build());

        assertThat(profile.attributes()).containsExactly(
                entry(Attribute.PLATFORM_ACCOUNT_EXISTS, "Yes"),
                entry(Attribute.CLIENT_ID, "4719854"),
                entry(Attribute.NAME, "Sami Ruhsuf"),
                entry(Attribute.PHONE_NUMBER, "+14165550123"),
                entry(Attribute.CLIENT_PROFILE_LINK, "https://app.ruhcare.com/users/4719854/overview"),
                entry(Attribute.CLIENT_STATUS, "Active"),
                entry(Attribute.TIME_ZONE, "America/Toronto (EST)"),
                entry(Attribute.CLIENT_SINCE, "Oct 22, 2024 - 11:00 a.m. EDT"),
                entry(Attribute.THERAPIST_NAME, "Dr. Sarah Johnson, Dr. Michael Chen"),
                entry(Attribute.TAGS, "SuperBill, Premium, Therapy"),
                entry(Attribute.GROUP, "Active Therapy Clients"),
                entry(Attribute.UNPAID_INVOICES, "Yes, CAD$150 due"),
                entry(Attribute.CARD_ON_FILE, "Yes"),
                entry(Attribute.NUMBER_OF_SESSIONS, "1 session"),
                entry(Attribute.LAST_APPOINTMENT, "Dec 15, 2025 - 2:00 p.m. EST"),
                entry(Attribute.NEXT_APPOINTMENT, "Dec 22, 2025 - 2:00 p.m. EST"),
                entry(Attribute.INTAKE_FORMS_COMPLETED, "Yes"),
                entry(Attribute.SUB_ORG, "Ruh Care Inc"),
                entry(Attribute.MULTIPLE_ACCOUNTS, "No"),
                entry(Attribute.LINKED_ACCOUNTS, "Jane Smith (Spouse), Tommy Smith (Child)"),
                entry(Attribute.USER_DATA_UPDATED_ON, "Dec 16, 2025 - 1:10 a.m. EST"));
    }

    @Test
    void givesOneAccountSectionWithTheSameValues() {
        ClientProfile profile = format(sami().build());

        assertThat(profile.accountFound()).isTrue();
        assertThat(profile.accounts()).hasSize(1);
        AccountValues account = profile.accounts().get(0);
        assertThat(account.clientId()).isEqualTo(4719854L);
        assertThat(account.get(Attribute.NAME)).isEqualTo("Sami Ruhsuf");
        assertThat(account.get(Attribute.UNPAID_INVOICES)).isEqualTo("Yes, CAD$150 due");
    }

    @Test
    void givesTheSameProfileForTheSameInput() {
        assertThat(format(sami().build())).isEqualTo(format(sami().build()));
    }

    @Nested
    class Name {

        @Test
        void joinsFirstAndLastName() {
            assertThat(value(client(1).firstName("Sami").lastName("Ruhsuf").build(), Attribute.NAME))
                    .isEqualTo("Sami Ruhsuf");
        }

        @Test
        void trimsSpacesAroundEachPart() {
            assertThat(value(client(1).firstName("  Sami ").lastName(" Ruhsuf  ").build(), Attribute.NAME))
                    .isEqualTo("Sami Ruhsuf");
        }

        @Test
        void showsOnlyTheFirstNameWhenTheLastIsMissing() {
            assertThat(value(client(1).firstName("Sami").build(), Attribute.NAME)).isEqualTo("Sami");
        }

        @Test
        void showsOnlyTheLastNameWhenTheFirstIsMissing() {
            assertThat(value(client(1).lastName("Ruhsuf").build(), Attribute.NAME)).isEqualTo("Ruhsuf");
        }

        @Test
        void showsOnlyTheLastNameWhenTheFirstIsEmpty() {
            assertThat(value(client(1).firstName("").lastName("Ruhsuf").build(), Attribute.NAME)).isEqualTo("Ruhsuf");
        }

        @Test
        void showsADashWhenBothPartsAreMissing() {
            assertThat(value(client(1).build(), Attribute.NAME)).isEqualTo("-");
        }

        @Test
        void showsADashWhenBothPartsAreBlank() {
            assertThat(value(client(1).firstName(" ").lastName("").build(), Attribute.NAME)).isEqualTo("-");
        }
    }

    @Nested
    class PhoneNumber {

        @Test
        void showsTheNumberInE164() {
            assertThat(value(client(1).phone("(416) 555-0123").build(), Attribute.PHONE_NUMBER))
                    .isEqualTo("+14165550123");
        }

        @Test
        void showsUnparsableTextAsGiven() {
            assertThat(value(client(1).phone("ask mom").build(), Attribute.PHONE_NUMBER)).isEqualTo("ask mom");
        }

        @Test
        void usesTheConfiguredRegion() {
            ProfileFormatter london = new ProfileFormatter(
                    new FormatSettings(ZoneId.of("America/Toronto"), "CAD", "GB", Optional.empty()));
            assertThat(london.format(List.of(client(1).phone("020 7183 8750").build()), NOW).get(Attribute.PHONE_NUMBER))
                    .isEqualTo("+442071838750");
        }

        @Test
        void showsADashWhenMissingOrEmpty() {
            assertThat(value(client(1).build(), Attribute.PHONE_NUMBER)).isEqualTo("-");
            assertThat(value(client(1).phone("").build(), Attribute.PHONE_NUMBER)).isEqualTo("-");
        }
    }

    @Nested
    class ProfileLink {

        private final ProfileFormatter withTemplate = new ProfileFormatter(new FormatSettings(
                ZoneId.of("America/Toronto"), "CAD", "CA", Optional.of("https://app.ruhcare.com/users/{id}/overview")));

        @Test
        void usesTheProfileUrlFromThePlatform() {
            Client c = client(4719854).profileUrl("https://app.ruhcare.com/users/4719854/overview").build();
            assertThat(value(c, Attribute.CLIENT_PROFILE_LINK)).isEqualTo("https://app.ruhcare.com/users/4719854/overview");
        }

        @Test
        void prefersTheProfileUrlOverTheTemplate() {
            Client c = client(4719854).profileUrl("https://platform.example/c/4719854").build();
            assertThat(withTemplate.format(List.of(c), NOW).get(Attribute.CLIENT_PROFILE_LINK))
                    .isEqualTo("https://platform.example/c/4719854");
        }

        @Test
        void buildsTheLinkFromTheTemplateWhenTheProfileUrlIsMissing() {
            assertThat(withTemplate.format(List.of(client(4719854).build()), NOW).get(Attribute.CLIENT_PROFILE_LINK))
                    .isEqualTo("https://app.ruhcare.com/users/4719854/overview");
        }

        @Test
        void buildsTheLinkFromTheTemplateWhenTheProfileUrlIsEmpty() {
            Client c = client(4719854).profileUrl("").build();
            assertThat(withTemplate.format(List.of(c), NOW).get(Attribute.CLIENT_PROFILE_LINK))
                    .isEqualTo("https://app.ruhcare.com/users/4719854/overview");
        }

        @Test
        void showsADashWithNeitherProfileUrlNorTemplate() {
            assertThat(value(client(4719854).build(), Attribute.CLIENT_PROFILE_LINK)).isEqualTo("-");
        }
    }

    @Nested
    class Status {

        @Test
        void showsActive() {
            assertThat(value(client(1).status("active").build(), Attribute.CLIENT_STATUS)).isEqualTo("Active");
        }

        @Test
        void showsArchived() {
            assertThat(value(client(1).status("archived").build(), Attribute.CLIENT_STATUS)).isEqualTo("Archived");
        }

        @Test
        void showsADashWhenMissing() {
            assertThat(value(client(1).build(), Attribute.CLIENT_STATUS)).isEqualTo("-");
        }
    }

    @Nested
    class TimeZone {

        @Test
        void showsEstWhenFetchedInWinter() {
            Client c = client(1).timeZone("America/Toronto").build();
            assertThat(DEFAULTS.format(List.of(c), Instant.parse("2025-12-16T06:10:00Z")).get(Attribute.TIME_ZONE))
                    .isEqualTo("America/Toronto (EST)");
        }

        @Test
        void showsEdtWhenFetchedInSummer() {
            Client c = client(1).timeZone("America/Toronto").build();
            assertThat(DEFAULTS.format(List.of(c), Instant.parse("2025-07-15T16:00:00Z")).get(Attribute.TIME_ZONE))
                    .isEqualTo("America/Toronto (EDT)");
        }

        @Test
        void followsTheFetchTimeAcrossFallBack() {
            Client c = client(1).timeZone("America/Toronto").build();
            assertThat(DEFAULTS.format(List.of(c), Instant.parse("2025-11-02T05:59:00Z")).get(Attribute.TIME_ZONE))
                    .isEqualTo("America/Toronto (EDT)");
            assertThat(DEFAULTS.format(List.of(c), Instant.parse("2025-11-02T06:00:00Z")).get(Attribute.TIME_ZONE))
                    .isEqualTo("America/Toronto (EST)");
        }

        @Test
        void showsAnUnknownZoneIdAsGiven() {
            assertThat(value(client(1).timeZone("Mars/Olympus_Mons").build(), Attribute.TIME_ZONE))
                    .isEqualTo("Mars/Olympus_Mons");
        }

        @Test
        void showsADashWhenMissingOrEmpty() {
            assertThat(value(client(1).build(), Attribute.TIME_ZONE)).isEqualTo("-");
            assertThat(value(client(1).timeZone("").build(), Attribute.TIME_ZONE)).isEqualTo("-");
        }
    }

    @Nested
    class DatesInTheDisplayZone {

        @Test
        void showsClientSinceInTheDisplayZone() {
            assertThat(value(client(1).createdAt("2024-10-22T15:00:00Z").build(), Attribute.CLIENT_SINCE))
                    .isEqualTo("Oct 22, 2024 - 11:00 a.m. EDT");
        }

        @Test
        void showsUserDataUpdatedOnAsTheFetchTime() {
            assertThat(value(client(1).build(), Attribute.USER_DATA_UPDATED_ON))
                    .isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
        }

        @Test
        void usesAConfiguredOtherDisplayZoneForEveryDate() {
            ProfileFormatter vancouver = new ProfileFormatter(
                    new FormatSettings(ZoneId.of("America/Vancouver"), "CAD", "CA", Optional.empty()));
            ClientProfile profile = vancouver.format(List.of(sami().build()), NOW);

            assertThat(profile.get(Attribute.CLIENT_SINCE)).isEqualTo("Oct 22, 2024 - 8:00 a.m. PDT");
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 15, 2025 - 11:00 a.m. PST");
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Dec 22, 2025 - 11:00 a.m. PST");
            assertThat(profile.get(Attribute.USER_DATA_UPDATED_ON)).isEqualTo("Dec 15, 2025 - 10:10 p.m. PST");
        }

        @Test
        void showsADashWhenCreatedAtIsMissing() {
            assertThat(value(client(1).build(), Attribute.CLIENT_SINCE)).isEqualTo("-");
        }
    }

    @Nested
    class TherapistName {

        @Test
        void putsThePrimaryFirstThenTheOthersInTheGivenOrder() {
            Client c = client(1).careTeam(
                    therapist("Dr. Michael Chen"),
                    new Client.CareTeamMember("Dr. Amy Lee", null),
                    primaryTherapist("Dr. Sarah Johnson"),
                    therapist("Dr. Raj Patel")).build();
            assertThat(value(c, Attribute.THERAPIST_NAME))
                    .isEqualTo("Dr. Sarah Johnson, Dr. Michael Chen, Dr. Amy Lee, Dr. Raj Patel");
        }

        @Test
        void keepsTheGivenOrderWithoutAPrimary() {
            Client c = client(1).careTeam(therapist("Dr. Michael Chen"), therapist("Dr. Amy Lee")).build();
            assertThat(value(c, Attribute.THERAPIST_NAME)).isEqualTo("Dr. Michael Chen, Dr. Amy Lee");
        }

        @Test
        void showsASingleTherapist() {
            Client c = client(1).careTeam(primaryTherapist("Dr. Sarah Johnson")).build();
            assertThat(value(c, Attribute.THERAPIST_NAME)).isEqualTo("Dr. Sarah Johnson");
        }

        @Test
        void showsADashWithoutACareTeam() {
            assertThat(value(client(1).build(), Attribute.THERAPIST_NAME)).isEqualTo("-");
            assertThat(value(client(1).careTeam(List.of()).build(), Attribute.THERAPIST_NAME)).isEqualTo("-");
        }
    }

    @Nested
    class TagsAndGroup {

        @Test
        void joinsTagsWithCommaAndSpace() {
            assertThat(value(client(1).tags("SuperBill", "Premium", "Therapy").build(), Attribute.TAGS))
                    .isEqualTo("SuperBill, Premium, Therapy");
        }

        @Test
        void showsASingleTag() {
            assertThat(value(client(1).tags("Premium").build(), Attribute.TAGS)).isEqualTo("Premium");
        }

        @Test
        void showsADashWithoutTags() {
            assertThat(value(client(1).build(), Attribute.TAGS)).isEqualTo("-");
            assertThat(value(client(1).tags(List.of()).build(), Attribute.TAGS)).isEqualTo("-");
        }

        @Test
        void showsTheGroup() {
            assertThat(value(client(1).group("Active Therapy Clients").build(), Attribute.GROUP))
                    .isEqualTo("Active Therapy Clients");
        }

        @Test
        void showsADashWithoutAGroup() {
            assertThat(value(client(1).build(), Attribute.GROUP)).isEqualTo("-");
            assertThat(value(client(1).group("").build(), Attribute.GROUP)).isEqualTo("-");
        }
    }

    @Nested
    class YesNoFlags {

        @Test
        void showsCardOnFileAsYesOrNo() {
            assertThat(value(client(1).cardOnFile(true).build(), Attribute.CARD_ON_FILE)).isEqualTo("Yes");
            assertThat(value(client(1).cardOnFile(false).build(), Attribute.CARD_ON_FILE)).isEqualTo("No");
        }

        @Test
        void showsADashWhenCardOnFileIsMissing() {
            assertThat(value(client(1).build(), Attribute.CARD_ON_FILE)).isEqualTo("-");
        }

        @Test
        void showsIntakeFormsCompletedAsYesOrNo() {
            assertThat(value(client(1).intakeFormsCompleted(true).build(), Attribute.INTAKE_FORMS_COMPLETED))
                    .isEqualTo("Yes");
            assertThat(value(client(1).intakeFormsCompleted(false).build(), Attribute.INTAKE_FORMS_COMPLETED))
                    .isEqualTo("No");
        }

        @Test
        void showsADashWhenIntakeFormsCompletedIsMissing() {
            assertThat(value(client(1).build(), Attribute.INTAKE_FORMS_COMPLETED)).isEqualTo("-");
        }
    }

    @Nested
    class SubOrg {

        @Test
        void showsTheOrganizationName() {
            assertThat(value(client(1).organization(org("Ruh Care Inc", "CAD")).build(), Attribute.SUB_ORG))
                    .isEqualTo("Ruh Care Inc");
        }

        @Test
        void showsADashWithoutAnOrganization() {
            assertThat(value(client(1).build(), Attribute.SUB_ORG)).isEqualTo("-");
        }
    }

    @Nested
    class LinkedAccounts {

        @Test
        void showsNameAndRelationshipJoinedByComma() {
            Client c = client(1).linkedAccounts(linked("Jane Smith", "Spouse"), linked("Tommy Smith", "Child")).build();
            assertThat(value(c, Attribute.LINKED_ACCOUNTS)).isEqualTo("Jane Smith (Spouse), Tommy Smith (Child)");
        }

        @Test
        void showsASingleLinkedAccount() {
            Client c = client(1).linkedAccounts(linked("Jane Smith", "Spouse")).build();
            assertThat(value(c, Attribute.LINKED_ACCOUNTS)).isEqualTo("Jane Smith (Spouse)");
        }

        @Test
        void showsADashWithoutLinkedAccounts() {
            assertThat(value(client(1).build(), Attribute.LINKED_ACCOUNTS)).isEqualTo("-");
            assertThat(value(client(1).linkedAccounts(List.of()).build(), Attribute.LINKED_ACCOUNTS)).isEqualTo("-");
        }
    }

    @Nested
    class ValuesThePlatformDoesNotGive {

        @Test
        void showsADashForEveryMissingFieldAndTheDerivedDefaultsOtherwise() {
            ClientProfile profile = format(client(4719854).build());

            assertThat(profile.attributes()).containsExactly(
                    entry(Attribute.PLATFORM_ACCOUNT_EXISTS, "Yes"),
                    entry(Attribute.CLIENT_ID, "4719854"),
                    entry(Attribute.NAME, "-"),
                    entry(Attribute.PHONE_NUMBER, "-"),
                    entry(Attribute.CLIENT_PROFILE_LINK, "-"),
                    entry(Attribute.CLIENT_STATUS, "-"),
                    entry(Attribute.TIME_ZONE, "-"),
                    entry(Attribute.CLIENT_SINCE, "-"),
                    entry(Attribute.THERAPIST_NAME, "-"),
                    entry(Attribute.TAGS, "-"),
                    entry(Attribute.GROUP, "-"),
                    entry(Attribute.UNPAID_INVOICES, "No"),
                    entry(Attribute.CARD_ON_FILE, "-"),
                    entry(Attribute.NUMBER_OF_SESSIONS, "0 sessions"),
                    entry(Attribute.LAST_APPOINTMENT, "No Appointments"),
                    entry(Attribute.NEXT_APPOINTMENT, "No Appointments"),
                    entry(Attribute.INTAKE_FORMS_COMPLETED, "-"),
                    entry(Attribute.SUB_ORG, "-"),
                    entry(Attribute.MULTIPLE_ACCOUNTS, "No"),
                    entry(Attribute.LINKED_ACCOUNTS, "-"),
                    entry(Attribute.USER_DATA_UPDATED_ON, "Dec 16, 2025 - 1:10 a.m. EST"));
        }

        @Test
        void showsADashForEmptyStringsAndEmptyLists() {
            Client c = client(4719854)
                    .firstName("").lastName("").phone("").status("").timeZone("").profileUrl("")
                    .organization(org("", "")).group("")
                    .tags(List.of()).careTeam(List.of()).invoices(List.of()).appointments(List.of())
                    .linkedAccounts(List.of())
                    .build();
            ClientProfile profile = format(c);

            assertThat(profile.attributes()).contains(
                    entry(Attribute.NAME, "-"),
                    entry(Attribute.PHONE_NUMBER, "-"),
                    entry(Attribute.CLIENT_PROFILE_LINK, "-"),
                    entry(Attribute.CLIENT_STATUS, "-"),
                    entry(Attribute.TIME_ZONE, "-"),
                    entry(Attribute.THERAPIST_NAME, "-"),
                    entry(Attribute.TAGS, "-"),
                    entry(Attribute.GROUP, "-"),
                    entry(Attribute.SUB_ORG, "-"),
                    entry(Attribute.LINKED_ACCOUNTS, "-"),
                    entry(Attribute.UNPAID_INVOICES, "No"),
                    entry(Attribute.NUMBER_OF_SESSIONS, "0 sessions"),
                    entry(Attribute.LAST_APPOINTMENT, "No Appointments"),
                    entry(Attribute.NEXT_APPOINTMENT, "No Appointments"));
        }

        @Test
        void showsADashForListsHoldingOnlyEmptyStrings() {
            Client c = client(1).tags("", " ").build();
            assertThat(value(c, Attribute.TAGS)).isEqualTo("-");
        }
    }
}
