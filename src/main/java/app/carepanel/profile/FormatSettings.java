package app.carepanel.profile;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What the formatting rules depend on besides the data: where times are shown, the currency and
 * phone region to assume, and the profile link to build when the platform gives none.
 */
public record FormatSettings(
        ZoneId displayZone,
        String defaultCurrency,
        String phoneRegion,
        Optional<String> profileUrlTemplate) {

    public static FormatSettings defaults() {
        return new FormatSettings(ZoneId.of("America/Toronto"), "CAD", "CA", Optional.empty());
    }
}
