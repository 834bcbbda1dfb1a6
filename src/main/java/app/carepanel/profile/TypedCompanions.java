package app.carepanel.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * The typed attributes written beside the display strings, so that Intercom can filter on them. Dates are
 * Unix seconds. With several accounts: the lowest client id's values, except the earliest next appointment
 * and the summed balance. Null means "no value" and clears the attribute.
 */
public record TypedCompanions(
        boolean platformAccountExists,
        Long nextAppointmentAt,
        Long lastAppointmentAt,
        Long clientSinceAt,
        BigDecimal unpaidBalance,
        Integer sessionsCount) {

    /** The companions' attribute names on the contact (fixed: they are the app's own, not the workspace's). */
    public static final String NEXT_APPOINTMENT_AT = "next_appointment_at";
    public static final String LAST_APPOINTMENT_AT = "last_appointment_at";
    public static final String CLIENT_SINCE_AT = "client_since_at";
    public static final String UNPAID_BALANCE = "unpaid_balance";
    public static final String SESSIONS_COUNT = "sessions_count";
    public static final String PLATFORM_ACCOUNT_EXISTS = "platform_account_exists";
    public static final List<String> NAMES = List.of(NEXT_APPOINTMENT_AT, LAST_APPOINTMENT_AT, CLIENT_SINCE_AT,
            UNPAID_BALANCE, SESSIONS_COUNT, PLATFORM_ACCOUNT_EXISTS);

    public static TypedCompanions none() {
        return new TypedCompanions(false, null, null, null, null, null);
    }
}
