package app.carepanel.intercom;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Intercom app's credentials and API access. */
@ConfigMapping(prefix = "intercom")
public interface IntercomConfig {

    /** The app's OAuth client secret ({@code INTERCOM_CLIENT_SECRET}); signed requests are refused without it. */
    Optional<String> clientSecret();

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

    /** How long a REST call may take to connect ({@code INTERCOM_CONNECT_TIMEOUT}). */
    @WithDefault("2S")
    Duration connectTimeout();

    /** How long a REST call may wait for its answer ({@code INTERCOM_READ_TIMEOUT}). */
    @WithDefault("5S")
    Duration readTimeout();

    /** The app's REST budget and the part of it this app allows itself. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Intercom's REST budget in calls per minute ({@code INTERCOM_RATE_LIMIT_PER_MINUTE}). */
        @WithDefault("10000")
        int perMinute();

        /** The fraction of that budget the app uses, leaving the rest as headroom ({@code INTERCOM_RATE_LIMIT_SHARE}). */
        @WithDefault("0.8")
        double share();
    }
}
