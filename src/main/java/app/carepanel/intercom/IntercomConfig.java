package app.carepanel.intercom;

import java.net.URI;
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

    /** The app's OAuth client id ({@code INTERCOM_CLIENT_ID}); without it no workspace can install the app. */
    Optional<String> clientId();

    /** Where an admin is sent to install the app ({@code INTERCOM_OAUTH_URL}). */
    @WithDefault("https://app.intercom.com/oauth")
    URI oauthUrl();

    /** Where an installation's code is exchanged for a token ({@code INTERCOM_TOKEN_URL}). */
    @WithDefault("https://api.intercom.io/auth/eagle/token")
    URI tokenUrl();

    /** Where the admin is sent back after an installation, told how it went ({@code INTERCOM_APPSTORE_REDIRECT_URL}). */
    @WithDefault("https://app.intercom.com/appstore/redirect")
    URI appstoreRedirectUrl();

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
