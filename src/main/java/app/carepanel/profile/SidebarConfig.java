package app.carepanel.profile;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How values are formatted and which addresses are never looked up ({@code SIDEBAR_*}). */
@ConfigMapping(prefix = "sidebar")
public interface SidebarConfig {

    /** IANA zone in which every date and time is shown. */
    @WithDefault("America/Toronto")
    String displayZone();

    /** ISO 4217 currency assumed when neither the organization nor the invoices name one. */
    @WithDefault("CAD")
    String defaultCurrency();

    /** ISO 3166 region for phone numbers typed without a country code. */
    @WithDefault("CA")
    String phoneRegion();

    /** Profile link built when the platform gives none; {@code {id}} is replaced by the client id. */
    Optional<String> profileUrlTemplate();

    /** System and shared-inbox addresses that are never looked up or written (exact, case-insensitive). */
    Optional<List<String>> excludedEmails();

    /** Whole domains whose addresses are never looked up or written (case-insensitive). */
    Optional<List<String>> excludedDomains();

    /** How long a lookup is reused before the platform is asked again (Refresh always asks). */
    @WithDefault("60S")
    Duration cacheTtl();

    default FormatSettings formatSettings() {
        return new FormatSettings(ZoneId.of(displayZone().trim()), defaultCurrency().trim().toUpperCase(Locale.ROOT),
                phoneRegion().trim().toUpperCase(Locale.ROOT), profileUrlTemplate());
    }
}
