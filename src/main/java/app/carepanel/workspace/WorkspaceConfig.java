package app.carepanel.workspace;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a workspace's REST calls go and with which token ({@code INTERCOM_ACCESS_TOKEN}, {@code INTERCOM_*_URL}). */
@ConfigMapping(prefix = "intercom")
public interface WorkspaceConfig {

    /** Access token for the REST API ({@code INTERCOM_ACCESS_TOKEN}), until workspaces install with OAuth. */
    Optional<String> accessToken();

    /** Overrides the regional REST API host ({@code INTERCOM_API_URL}), e.g. for a stub. */
    Optional<String> apiUrl();

    /** Intercom's REST API host per region; fixed by Intercom, settable for a proxy or a test. */
    RegionHosts regionHosts();

    interface RegionHosts {

        /** {@code INTERCOM_REGION_HOSTS_US}. */
        @WithDefault("https://api.intercom.io")
        URI us();

        /** {@code INTERCOM_REGION_HOSTS_EU}. */
        @WithDefault("https://api.eu.intercom.io")
        URI eu();

        /** {@code INTERCOM_REGION_HOSTS_AU}. */
        @WithDefault("https://api.au.intercom.io")
        URI au();
    }

    /** The host of a region, or the single host {@code INTERCOM_API_URL} names for every region. */
    default URI apiHost(Region region) {
        Optional<URI> override = apiUrl().filter(url -> !url.isBlank()).map(url -> URI.create(url.trim()));
        return override.orElseGet(() -> switch (region) {
            case EU -> regionHosts().eu();
            case AU -> regionHosts().au();
            case US -> regionHosts().us();
        });
    }

    /** True when {@code INTERCOM_API_URL} sends every region to one host. */
    default boolean oneHostForAll() {
        return apiUrl().filter(url -> !url.isBlank()).isPresent();
    }
}
