package app.carepanel.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values of {@code ATTRIBUTES.md}, in its order. Each is shown in the panel and written to the
 * Intercom contact under its configured name (the label here by default).
 */
public enum Attribute {
    PLATFORM_ACCOUNT_EXISTS("Platform Account Exists", false),
    CLIENT_ID("Client ID", true),
    NAME("Name", true),
    PHONE_NUMBER("Phone Number", true),
    CLIENT_PROFILE_LINK("Client Profile Link", true),
    CLIENT_STATUS("Client Status", true),
    TIME_ZONE("Time Zone", true),
    CLIENT_SINCE("Client Since", true),
    THERAPIST_NAME("Therapist Name", true),
    TAGS("Tags", true),
    GROUP("Group", true),
    UNPAID_INVOICES("Unpaid Invoices", true),
    CARD_ON_FILE("Card on File", true),
    NUMBER_OF_SESSIONS("Number of Sessions", true),
    LAST_APPOINTMENT("Last Appointment", true),
    NEXT_APPOINTMENT("Next Appointment", true),
    INTAKE_FORMS_COMPLETED("Intake Forms Completed", true),
    SUB_ORG("Sub Org", true),
    MULTIPLE_ACCOUNTS("Multiple Accounts", false),
    LINKED_ACCOUNTS("Linked Accounts", true),
    USER_DATA_UPDATED_ON("User Data Updated On", false);

    /** What a value reads when the platform does not give it. */
    public static final String EMPTY = "-";

    private final String label;
    private final boolean perAccount;

    Attribute(String label, boolean perAccount) {
        this.label = label;
        this.perAccount = perAccount;
    }

    /** The default attribute name, exactly as {@code ATTRIBUTES.md} spells it. */
    public String label() {
        return label;
    }

    /** True when the value belongs to one account; with several accounts these are joined with " | ". */
    public boolean perAccount() {
        return perAccount;
    }

    /** An unmodifiable copy iterating in the order of this enum. */
    static Map<Attribute, String> ordered(Map<Attribute, String> values) {
        EnumMap<Attribute, String> copy = new EnumMap<>(Attribute.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }
}
