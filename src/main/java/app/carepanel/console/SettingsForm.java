package app.carepanel.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.profile.AttributeSettings;
import app.carepanel.profile.AttributesConfig;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.SidebarConfig;
import app.carepanel.profile.WorkspaceFormats;
import app.carepanel.sync.SyncConfig;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.AccessConfig;
import app.carepanel.workspace.Setting;

/**
 * The settings form: each setting's label, its environment default, and the rule its value must follow (the start-up
 * check's own rules for zones, currencies and regions). A value left empty means the default.
 */
@ApplicationScoped
class SettingsForm {

    /** Control characters, which no setting may hold. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern DOMAIN = Pattern.compile("^@?[a-z0-9-]+(\\.[a-z0-9-]+)+$", Pattern.CASE_INSENSITIVE);
    private static final int LONGEST_VALUE = 4_000;

    private final Map<Setting, String> defaults = new EnumMap<>(Setting.class);

    SettingsForm(SidebarConfig sidebar, AttributesConfig attributes, AccessConfig access, SyncConfig sync) {
        defaults.put(Setting.DISPLAY_ZONE, sidebar.displayZone());
        defaults.put(Setting.DEFAULT_CURRENCY, sidebar.defaultCurrency());
        defaults.put(Setting.PHONE_REGION, sidebar.phoneRegion());
        defaults.put(Setting.EXCLUDED_EMAILS, String.join(", ", sidebar.excludedEmails().orElse(List.of())));
        defaults.put(Setting.EXCLUDED_DOMAINS, String.join(", ", sidebar.excludedDomains().orElse(List.of())));
        defaults.put(Setting.ALLOWED_TEAMS, String.join(", ", access.allowedTeams().orElse(List.of())));
        defaults.put(Setting.ATTRIBUTE_NAMES, attributes.names().map(String::trim).orElse(""));
        defaults.put(Setting.TYPED_COMPANIONS, attributes.typedCompanions() ? "on" : "off");
        defaults.put(Setting.SYNC_TAG, sync.tag());
        defaults.put(Setting.CHANGE_POLL, "off".equalsIgnoreCase(sync.changesPollInterval().trim()) ? "off" : "on");
    }

    /** One field of the form as the page shows it. */
    record Field(String key, String label, String help, String value, String defaultValue, String problem,
            boolean list, boolean onOff) {
    }

    String defaultOf(Setting setting) {
        return defaults.get(setting);
    }

    List<Field> fields(Map<Setting, String> values, Map<Setting, String> problems) {
        List<Field> fields = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            fields.add(new Field(setting.key, label(setting), help(setting), values.getOrDefault(setting, ""),
                    defaults.get(setting).isBlank() ? "(none)" : defaults.get(setting), problems.get(setting),
                    setting == Setting.EXCLUDED_EMAILS || setting == Setting.EXCLUDED_DOMAINS
                            || setting == Setting.ALLOWED_TEAMS || setting == Setting.ATTRIBUTE_NAMES,
                    setting == Setting.CHANGE_POLL || setting == Setting.TYPED_COMPANIONS));
        }
        return fields;
    }

    /** Why the value cannot be the setting's, in a sentence; empty when it can (an empty value always can). */
    Optional<String> problemWith(Setting setting, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > LONGEST_VALUE) {
            return Optional.of("This is longer than " + LONGEST_VALUE + " characters");
        }
        if (CONTROL.matcher(value.replace("\n", "").replace("\r", "")).find()) {
            return Optional.of("This holds control characters");
        }
        return switch (setting) {
            case DISPLAY_ZONE -> WorkspaceFormats.zoneProblem(value).map(p -> "'" + value + "' " + p);
            case DEFAULT_CURRENCY -> WorkspaceFormats.currencyProblem(value).map(p -> "'" + value + "' " + p);
            case PHONE_REGION -> WorkspaceFormats.phoneRegionProblem(value).map(p -> "'" + value + "' " + p);
            case EXCLUDED_EMAILS -> Setting.items(value).stream()
                    .filter(email -> !(new EmailScreen(List.of(), List.of()).check(email, List.of())
                            instanceof EmailCheck.Lookup))
                    .findFirst().map(email -> "'" + email + "' is not an email address");
            case EXCLUDED_DOMAINS -> Setting.items(value).stream().filter(domain -> !DOMAIN.matcher(domain).matches())
                    .findFirst().map(domain -> "'" + domain + "' is not a domain such as practice.example");
            case ALLOWED_TEAMS -> Setting.items(value).stream()
                    .filter(team -> !IntercomIds.isValid(team, IntercomIds.MAX_LENGTH))
                    .findFirst().map(team -> "'" + team + "' is not an Intercom team id");
            case ATTRIBUTE_NAMES -> AttributeSettings.namesProblem(value);
            case TYPED_COMPANIONS -> onOffProblem(value);
            case SYNC_TAG -> value.length() > 100 ? Optional.of("The tag name is longer than 100 characters")
                    : Optional.empty();
            case CHANGE_POLL -> onOffProblem(value);
        };
    }

    private static Optional<String> onOffProblem(String value) {
        return "on".equals(value) || "off".equals(value) ? Optional.empty()
                : Optional.of("Choose on, off or the default");
    }

    private static String label(Setting setting) {
        return switch (setting) {
            case DISPLAY_ZONE -> "Display time zone";
            case DEFAULT_CURRENCY -> "Default currency";
            case PHONE_REGION -> "Phone region";
            case EXCLUDED_EMAILS -> "Excluded emails";
            case EXCLUDED_DOMAINS -> "Excluded domains";
            case ALLOWED_TEAMS -> "Teams who see client data";
            case ATTRIBUTE_NAMES -> "Attribute names";
            case TYPED_COMPANIONS -> "Typed companion attributes";
            case SYNC_TAG -> "Sync tag";
            case CHANGE_POLL -> "Platform change poll";
        };
    }

    private static String help(Setting setting) {
        return switch (setting) {
            case DISPLAY_ZONE -> "IANA zone in which dates and times are shown, such as America/Toronto.";
            case DEFAULT_CURRENCY -> "ISO 4217 code assumed when the platform names none, such as CAD.";
            case PHONE_REGION -> "Region for phone numbers written without a country code, such as CA.";
            case EXCLUDED_EMAILS -> "System and shared-inbox addresses never looked up or written; comma or line separated.";
            case EXCLUDED_DOMAINS -> "Whole domains never looked up or written, subdomains included.";
            case ALLOWED_TEAMS -> "Intercom team ids; only their members see client data. The default applies when empty.";
            case ATTRIBUTE_NAMES -> "Renamed attributes, one 'Default Name=New Name' pair a line (or separated by ;), "
                    + "such as Client ID=Platform Client ID. The panel's labels follow. Attributes written under the "
                    + "old names stay on contacts; a backfill writes every contact under the new ones.";
            case TYPED_COMPANIONS -> "Whether next_appointment_at, unpaid_balance and the other typed attributes are "
                    + "written beside the display values, for Intercom's filters and reports.";
            case SYNC_TAG -> "Tagging a conversation with this name re-syncs its contacts.";
            case CHANGE_POLL -> "Whether the platform's client changes are polled for this workspace.";
        };
    }
}
