package app.carepanel.intercom;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Intercom app's secret and how its REST calls behave. Where a workspace's calls go and with which token is
 * the workspace's own configuration ({@code WorkspaceConfig}, the same {@code INTERCOM_*} prefix).
 */
@ConfigMapping(prefix = "intercom")
public interface IntercomConfig {

    /** The app's OAuth client secret ({@code INTERCOM_CLIENT_SECRET}); signed requests are refused without it. */
    Optional<String> clientSecret();

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
