package app.carepanel.profile;

import static app.carepanel.profile.ClientFixtures.NOW;
import static app.carepanel.profile.ClientFixtures.appointment;
import static app.carepanel.profile.ClientFixtures.client;
import static app.carepanel.profile.ClientFixtures.past;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.carepanel.platform.Client;
import app.carepanel.platform.Client.Appointment;

/** Number of Sessions, Last Appointment and Next Appointment, with their typed companions. Now is Dec 16, 2025 1:10 a.m. EST. */
class AppointmentRulesTest {

    private static final ProfileFormatter DEFAULTS = new ProfileFormatter(FormatSettings.defaults());

    private static ClientProfile format(Appointment... appointments) {
        return DEFAULTS.format(List.of(client(1).appointments(appointments).build()), NOW);
    }

    private static ClientProfile format(List<Appointment> appointments) {
        return DEFAULTS.format(List.of(client(1).appointments(appointments).build()), NOW);
    }

    @SafeVarargs
    private static List<Appointment> all(List<Appointment>... lists) {
        List<Appointment> result = new ArrayList<>();
        for (List<Appointment> list : lists) {
            result.addAll(list);
        }
        return result;
    }

    @Nested
    class NumberOfSessions {

        private String sessions(List<Appointment> appointments) {
            return format(appointments).get(Attribute.NUMBER_OF_SESSIONS);
        }

        @ParameterizedTest(name = "{0}: {1} occurred, {2} late cancellations, {3} cancelled, {4} no-shows, {5} scheduled is {6}")
        @CsvSource(delimiter = '|', textBlock = """
                the plural with a parenthesis                  | 10 | 2 | 0 | 0 | 0 | 12 sessions (2 late cancellations)
                the singular for one session                   |  1 | 0 | 0 | 0 | 0 | 1 session
                the singular for one late cancellation alone   |  0 | 1 | 0 | 0 | 0 | 1 session (1 late cancellation)
                one late cancellation among several sessions   |  2 | 1 | 0 | 0 | 0 | 3 sessions (1 late cancellation)
                no parenthesis without late cancellations      |  3 | 0 | 0 | 0 | 0 | 3 sessions
                cancelled, no-show and scheduled not counted   |  2 | 0 | 1 | 1 | 1 | 2 sessions
                zero when none was held                        |  0 | 0 | 1 | 1 | 0 | 0 sessions
                """)
        void countsHeldSessionsAndLateCancellations(String shows, int occurred, int late, int cancelled, int noShows,
                int scheduled, String expected) {
            List<Appointment> appointments = all(past(occurred, "occurred"), past(late, "late_cancellation"),
                    past(cancelled, "cancelled"), past(noShows, "no_show"), past(scheduled, "scheduled"),
                    List.of(appointment("2025-12-22T19:00:00Z", "scheduled")));
            assertThat(sessions(appointments)).isEqualTo(expected);
        }

        @Test
        void saysZeroSessionsWithoutAppointments() {
            assertThat(sessions(List.of())).isEqualTo("0 sessions");
            assertThat(DEFAULTS.format(List.of(client(1).build()), NOW).get(Attribute.NUMBER_OF_SESSIONS))
                    .isEqualTo("0 sessions");
        }

        @Test
        void writesTheSessionsCountCompanion() {
            assertThat(format(all(past(10, "occurred"), past(2, "late_cancellation"), past(4, "cancelled")))
                    .companions().sessionsCount()).isEqualTo(12);
        }

        @Test
        void writesAZeroSessionsCountWithoutAppointments() {
            assertThat(format(List.of()).companions().sessionsCount()).isZero();
        }
    }

    @Nested
    class LastAppointment {

        @Test
        void showsTheLatestHeldAppointmentBeforeNow() {
            ClientProfile profile = format(
                    appointment("2025-12-01T15:00:00Z", "occurred"),
                    appointment("2025-12-15T19:00:00Z", "occurred"),
                    appointment("2025-12-08T19:00:00Z", "late_cancellation"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 15, 2025 - 2:00 p.m. EST");
        }

        @Test
        void countsALateCancellationAsTheLastAppointment() {
            ClientProfile profile = format(
                    appointment("2025-12-01T15:00:00Z", "occurred"),
                    appointment("2025-12-10T20:30:00Z", "late_cancellation"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 10, 2025 - 3:30 p.m. EST");
        }

        @Test
        void countsAnAppointmentExactlyAtNow() {
            ClientProfile profile = format(
                    appointment("2025-12-15T19:00:00Z", "occurred"),
                    appointment(NOW, "occurred"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
        }

        @Test
        void ignoresAHeldAppointmentAfterNow() {
            ClientProfile profile = format(
                    appointment("2025-12-15T19:00:00Z", "occurred"),
                    appointment(NOW.plusSeconds(1), "occurred"),
                    appointment("2025-12-20T15:00:00Z", "late_cancellation"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 15, 2025 - 2:00 p.m. EST");
        }

        @Test
        void ignoresLaterCancelledNoShowAndScheduledAppointments() {
            ClientProfile profile = format(
                    appointment("2025-12-15T19:00:00Z", "occurred"),
                    appointment("2025-12-15T21:00:00Z", "cancelled"),
                    appointment("2025-12-15T22:00:00Z", "no_show"),
                    appointment("2025-12-16T06:00:00Z", "scheduled"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 15, 2025 - 2:00 p.m. EST");
        }

        @Test
        void showsTheSummerTimeAbbreviationForASummerAppointment() {
            ClientProfile profile = format(appointment("2025-07-02T17:30:00Z", "occurred"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Jul 2, 2025 - 1:30 p.m. EDT");
        }

        @Test
        void saysNoAppointmentsWhenNoneWasHeld() {
            ClientProfile profile = format(
                    appointment("2025-12-15T19:00:00Z", "cancelled"),
                    appointment("2025-12-22T19:00:00Z", "scheduled"));
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("No Appointments");
        }

        @Test
        void writesTheLastAppointmentCompanionInUnixSeconds() {
            ClientProfile profile = format(appointment("2025-12-15T19:00:00Z", "occurred"));
            // 2025-12-15T19:00:00Z = 20437 days * 86400 + 19 * 3600
            assertThat(profile.companions().lastAppointmentAt()).isEqualTo(1_765_825_200L);
        }

        @Test
        void clearsTheLastAppointmentCompanionWhenThereIsNone() {
            assertThat(format(List.of()).companions().lastAppointmentAt()).isNull();
        }
    }

    @Nested
    class NextAppointment {

        @Test
        void showsTheEarliestScheduledAppointmentAfterNowWhateverTheInputOrder() {
            ClientProfile profile = format(
                    appointment("2025-12-22T19:00:00Z", "scheduled"),
                    appointment("2026-01-05T15:00:00Z", "scheduled"),
                    appointment("2025-12-19T14:00:00Z", "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Dec 19, 2025 - 9:00 a.m. EST");
        }

        @Test
        void excludesAScheduledAppointmentExactlyAtNow() {
            ClientProfile profile = format(appointment(NOW, "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("No Appointments");
        }

        @Test
        void includesAScheduledAppointmentOneSecondAfterNow() {
            ClientProfile profile = format(
                    appointment(NOW, "scheduled"),
                    appointment(NOW.plusSeconds(1), "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
        }

        @Test
        void ignoresEarlierCancelledNoShowAndOccurredAppointmentsAfterNow() {
            ClientProfile profile = format(
                    appointment("2025-12-17T15:00:00Z", "cancelled"),
                    appointment("2025-12-18T15:00:00Z", "no_show"),
                    appointment("2025-12-19T15:00:00Z", "occurred"),
                    appointment("2025-12-20T15:00:00Z", "late_cancellation"),
                    appointment("2025-12-22T19:00:00Z", "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Dec 22, 2025 - 2:00 p.m. EST");
        }

        @Test
        void ignoresAScheduledAppointmentInThePast() {
            ClientProfile profile = format(appointment("2025-12-01T15:00:00Z", "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("No Appointments");
        }

        @Test
        void showsTheSummerTimeAbbreviationForANextAppointmentAfterSpringForward() {
            ClientProfile profile = format(appointment("2026-07-02T17:30:00Z", "scheduled"));
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("Jul 2, 2026 - 1:30 p.m. EDT");
        }

        @Test
        void writesTheNextAppointmentCompanionInUnixSeconds() {
            ClientProfile profile = format(appointment("2025-12-22T19:00:00Z", "scheduled"));
            // a week after 2025-12-15T19:00:00Z (1_765_825_200): + 7 * 86400
            assertThat(profile.companions().nextAppointmentAt()).isEqualTo(1_766_430_000L);
        }

        @Test
        void clearsTheNextAppointmentCompanionWhenThereIsNone() {
            assertThat(format(appointment("2025-12-01T15:00:00Z", "scheduled")).companions().nextAppointmentAt()).isNull();
        }
    }

    @Nested
    class WithoutAppointments {

        @Test
        void saysNoAppointmentsForBothWhenTheListIsEmpty() {
            ClientProfile profile = format(List.of());
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("No Appointments");
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("No Appointments");
        }

        @Test
        void saysNoAppointmentsForBothWhenTheFieldIsMissing() {
            ClientProfile profile = DEFAULTS.format(List.of(client(1).build()), NOW);
            assertThat(profile.get(Attribute.LAST_APPOINTMENT)).isEqualTo("No Appointments");
            assertThat(profile.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("No Appointments");
        }
    }

    @Test
    void usesTheFetchTimeAsNow() {
        Client c = client(1).appointments(
                appointment("2025-12-15T19:00:00Z", "occurred"),
                appointment("2025-12-22T19:00:00Z", "scheduled")).build();
        ClientProfile later = DEFAULTS.format(List.of(c), Instant.parse("2025-12-23T00:00:00Z"));
        assertThat(later.get(Attribute.LAST_APPOINTMENT)).isEqualTo("Dec 15, 2025 - 2:00 p.m. EST");
        assertThat(later.get(Attribute.NEXT_APPOINTMENT)).isEqualTo("No Appointments");
    }
}
