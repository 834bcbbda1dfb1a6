package app.carepanel.intercom;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which REST API host serves a workspace: its region's, unless {@code INTERCOM_API_URL} names another. */
final class IntercomHosts {

    /** Intercom's regions, in the order a token of unknown region is tried. */
    static final List<String> REGIONS = List.of("us", "eu", "au");

    private IntercomHosts() {
    }

    /** The override when set; else the region's host, with US for a region Intercom has not told us about. */
    static URI baseUri(Optional<String> override, String region, IntercomConfig.RegionHosts hosts) {
        return override(override).orElseGet(() -> {
            String key = region == null ? "us" : region.trim().toLowerCase(Locale.ROOT);
            return switch (key) {
                case "eu" -> hosts.eu();
                case "au" -> hosts.au();
                default -> hosts.us();
            };
        });
    }

    /** The single host that INTERCOM_API_URL names, if it is set. */
    static Optional<URI> override(Optional<String> override) {
        return override.filter(url -> !url.isBlank()).map(url -> URI.create(url.trim()));
    }
}
