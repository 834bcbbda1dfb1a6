package app.carepanel.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A setting an admin may change for their workspace in the console. Without a value of the workspace's own, the
 * environment variable named here applies (as it does for every workspace at start).
 */
public enum Setting {
    DISPLAY_ZONE("display_zone", "SIDEBAR_DISPLAY_ZONE"),
    DEFAULT_CURRENCY("default_currency", "SIDEBAR_DEFAULT_CURRENCY"),
    PHONE_REGION("phone_region", "SIDEBAR_PHONE_REGION"),
    EXCLUDED_EMAILS("excluded_emails", "SIDEBAR_EXCLUDED_EMAILS"),
    EXCLUDED_DOMAINS("excluded_domains", "SIDEBAR_EXCLUDED_DOMAINS"),
    ALLOWED_TEAMS("allowed_teams", "SIDEBAR_ALLOWED_TEAMS"),
    ATTRIBUTE_NAMES("attribute_names", "ATTRIBUTES_NAMES"),
    TYPED_COMPANIONS("typed_companions", "ATTRIBUTES_TYPED_COMPANIONS"),
    SYNC_TAG("sync_tag", "SYNC_TAG"),
    CHANGE_POLL("change_poll", "SYNC_CHANGES_POLL_INTERVAL");

    /** The name in the database and in forms. */
    public final String key;
    /** The environment variable whose value applies when the workspace has none. */
    public final String variable;

    Setting(String key, String variable) {
        this.key = key;
        this.variable = variable;
    }

    public static Optional<Setting> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** A list setting's items: comma- or line-separated, trimmed, without empties. */
    public static List<String> items(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[,\\n]")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
