package app.carepanel.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Encryption;
import app.carepanel.base.Texts;
import app.carepanel.profile.Attribute;
import app.carepanel.profile.AttributeNames;
import app.carepanel.profile.AttributeSettings;
import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.TypedCompanions;

/**
 * What is written to an Intercom contact for a profile: every attribute of {@code ATTRIBUTES.md} under its
 * workspace's name, as the panel shows it (the same formatting core), and the typed companions unless the
 * workspace turned them off ({@link AttributeSettings}). Intercom refuses string values over 255 characters, so longer ones end in an ellipsis at 255.
 */
@ApplicationScoped
public class ContactAttributes {

    static final int MAX_LENGTH = 255;
    static final String NEXT_APPOINTMENT_AT = TypedCompanions.NEXT_APPOINTMENT_AT;
    static final String LAST_APPOINTMENT_AT = TypedCompanions.LAST_APPOINTMENT_AT;
    static final String CLIENT_SINCE_AT = TypedCompanions.CLIENT_SINCE_AT;
    static final String UNPAID_BALANCE = TypedCompanions.UNPAID_BALANCE;
    static final String SESSIONS_COUNT = TypedCompanions.SESSIONS_COUNT;
    static final String PLATFORM_ACCOUNT_EXISTS = TypedCompanions.PLATFORM_ACCOUNT_EXISTS;

    private final AttributeSettings settings;
    private final Encryption encryption;

    ContactAttributes(AttributeSettings settings, Encryption encryption) {
        this.settings = settings;
        this.encryption = encryption;
    }

    /** Attribute name → value (string, number, boolean, or null to clear), in the order of ATTRIBUTES.md. */
    public Map<String, Object> of(String workspaceId, ClientProfile profile) {
        AttributeNames names = settings.namesOf(workspaceId);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            values.put(names.of(attribute), Texts.cut(profile.get(attribute), MAX_LENGTH));
        }
        if (settings.typedCompanions(workspaceId)) {
            TypedCompanions typed = profile.companions();
            values.put(NEXT_APPOINTMENT_AT, typed.nextAppointmentAt());
            values.put(LAST_APPOINTMENT_AT, typed.lastAppointmentAt());
            values.put(CLIENT_SINCE_AT, typed.clientSinceAt());
            values.put(UNPAID_BALANCE, typed.unpaidBalance());
            values.put(SESSIONS_COUNT, typed.sessionsCount());
            values.put(PLATFORM_ACCOUNT_EXISTS, typed.platformAccountExists());
        }
        return Collections.unmodifiableMap(values);
    }

    /** Attribute name → Intercom {@code data_type}: display values are strings, companions their own type. */
    public Map<String, String> dataTypes(String workspaceId) {
        AttributeNames names = settings.namesOf(workspaceId);
        Map<String, String> types = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            types.put(names.of(attribute), "string");
        }
        if (settings.typedCompanions(workspaceId)) {
            types.put(NEXT_APPOINTMENT_AT, "date");
            types.put(LAST_APPOINTMENT_AT, "date");
            types.put(CLIENT_SINCE_AT, "date");
            types.put(UNPAID_BALANCE, "float");
            types.put(SESSIONS_COUNT, "integer");
            types.put(PLATFORM_ACCOUNT_EXISTS, "boolean");
        }
        return Collections.unmodifiableMap(types);
    }

    /**
     * A keyed digest of the values other than the fetch time: equal digests mean nothing the client has changed.
     * Keyed, so that the stored digest cannot confirm a guess of the values. The names are part of it, so that
     * renamed attributes are written again.
     */
    public String fingerprint(String workspaceId, Map<String, Object> values) {
        String updatedOn = settings.namesOf(workspaceId).of(Attribute.USER_DATA_UPDATED_ON);
        StringBuilder canonical = new StringBuilder();
        values.forEach((name, value) -> {
            if (!name.equals(updatedOn)) {
                canonical.append(name).append('\u0000').append(Objects.toString(value, "\u0001")).append('\u0000');
            }
        });
        return encryption.digest(canonical.toString());
    }
}
