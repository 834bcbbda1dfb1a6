package app.carepanel.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Each workspace's formatting: its display zone, default currency and phone region where its admin set them in
 * the console, the {@code SIDEBAR_*} defaults otherwise. A change empties the profile cache, so that the next view
 * is formatted the new way. The rules for a valid value live here, for the start-up check and the console alike.
 */
@ApplicationScoped
public class WorkspaceFormats {

    private final FormatSettings defaults;
    private final WorkspaceSettings settings;
    private final Cache profiles;
    private final Map<FormatSettings, ProfileFormatter> formatters = new ConcurrentHashMap<>();

    WorkspaceFormats(SidebarConfig config, WorkspaceSettings settings, @CacheName("client-profiles") Cache profiles) {
        this.defaults = config.formatSettings();
        this.settings = settings;
        this.profiles = profiles;
    }

    public FormatSettings of(String workspaceId) {
        Map<Setting, String> own = settings.of(workspaceId);
        if (!own.containsKey(Setting.DISPLAY_ZONE) && !own.containsKey(Setting.DEFAULT_CURRENCY)
                && !own.containsKey(Setting.PHONE_REGION)) {
            return defaults;
        }
        return new FormatSettings(
                Optional.ofNullable(own.get(Setting.DISPLAY_ZONE)).map(z -> ZoneId.of(z.trim())).orElse(defaults.displayZone()),
                Optional.ofNullable(own.get(Setting.DEFAULT_CURRENCY)).map(WorkspaceFormats::upper).orElse(defaults.defaultCurrency()),
                Optional.ofNullable(own.get(Setting.PHONE_REGION)).map(WorkspaceFormats::upper).orElse(defaults.phoneRegion()),
                defaults.profileUrlTemplate());
    }

    ProfileFormatter formatterOf(String workspaceId) {
        FormatSettings format = of(workspaceId);
        if (formatters.size() > 100) {
            formatters.clear();
        }
        return formatters.computeIfAbsent(format, ProfileFormatter::new);
    }

    void changed(@Observes WorkspaceSettings.SettingsChanged change) {
        // Cached profiles are formatted already; keyed by workspace and email, they all go rather than a scan.
        profiles.invalidateAll().await().indefinitely();
    }

    /** Why the value is no IANA time zone, if it is none. */
    public static Optional<String> zoneProblem(String value) {
        try {
            ZoneId.of(value.trim());
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("is not an IANA time zone such as America/Toronto");
        }
    }

    public static Optional<String> currencyProblem(String value) {
        String code = upper(value);
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code))
                ? Optional.empty() : Optional.of("is not an ISO 4217 currency code such as CAD");
    }

    public static Optional<String> phoneRegionProblem(String value) {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper(value)) ? Optional.empty()
                : Optional.of("is not a region phone numbers are known for, such as CA");
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }
}
