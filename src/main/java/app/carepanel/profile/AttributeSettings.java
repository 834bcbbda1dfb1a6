package app.carepanel.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.logging.Log;

/**
 * Each workspace's attribute names and whether its typed companions are written: the workspace's own settings
 * where its admin set them in the console, {@code ATTRIBUTES_NAMES} and {@code ATTRIBUTES_TYPED_COMPANIONS}
 * otherwise. A workspace's own names replace the environment's renames as a whole (they are not merged), as every
 * other setting does. In the console, pairs may also be given one per line.
 */
@ApplicationScoped
public class AttributeSettings {

    private static final String PREFIX = "ATTRIBUTES_NAMES: ";

    private final AttributeNames defaultNames;
    private final boolean defaultCompanions;
    private final WorkspaceSettings settings;
    private final Map<String, AttributeNames> parsed = new ConcurrentHashMap<>();

    AttributeSettings(AttributeNames defaultNames, AttributesConfig config, WorkspaceSettings settings) {
        this.defaultNames = defaultNames;
        this.defaultCompanions = config.typedCompanions();
        this.settings = settings;
    }

    /** The names the workspace's attributes are written under and its panel labels its fields with. */
    public AttributeNames namesOf(String workspaceId) {
        Optional<String> own = settings.value(workspaceId, Setting.ATTRIBUTE_NAMES);
        if (own.isEmpty()) {
            return defaultNames;
        }
        if (parsed.size() > 100) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(own.get(), value -> {
            try {
                return new AttributeNames(Optional.of(pairs(value)));
            } catch (IllegalArgumentException e) {
                // The console refuses such a value; one stored before a rule changed falls back to the defaults.
                Log.warnf("Workspace %s's attribute names are not valid (%s); the default names apply", workspaceId,
                        e.getMessage());
                return defaultNames;
            }
        });
    }

    /** Whether the typed companions ({@code next_appointment_at}, ...) are written for the workspace. */
    public boolean typedCompanions(String workspaceId) {
        return settings.value(workspaceId, Setting.TYPED_COMPANIONS).map("on"::equals).orElse(defaultCompanions);
    }

    /** Why the value cannot be a workspace's attribute names, in a sentence; empty when it can. */
    public static Optional<String> namesProblem(String value) {
        try {
            new AttributeNames(Optional.of(pairs(value)));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            message = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
            return Optional.of(message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1));
        }
    }

    private static String pairs(String value) {
        return value.replace("\r", "").replace('\n', ';');
    }
}
