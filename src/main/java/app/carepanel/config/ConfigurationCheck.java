package app.carepanel.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;


import app.carepanel.audit.AuditRetention;
import app.carepanel.base.Encryption;
import app.carepanel.base.EncryptionConfig;
import app.carepanel.intercom.IntercomConfig;
import app.carepanel.profile.AttributeNames;
import app.carepanel.profile.AttributesConfig;
import app.carepanel.profile.SidebarConfig;
import app.carepanel.profile.WorkspaceFormats;
import app.carepanel.sync.SyncConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start on a setting that parses but cannot work (a currency that is no ISO code, a share of the rate
 * limit over 1, a lease shorter than its renewal...), naming each variable and what is wrong with it, rather than
 * failing later on a teammate's canvas or in the sync.
 */
@Singleton
class ConfigurationCheck {

    void check(@Observes @Priority(1) StartupEvent event, SidebarConfig sidebar, AttributesConfig attributes, SyncConfig sync,
            IntercomConfig intercom, EncryptionConfig encryption, Config config) {
        List<String> problems = problems(sidebar, attributes, sync, intercom, config);
        Encryption.problemWith(encryption).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            // Quarkus prints a ConfigurationException's message alone, without the stack trace of the start.
            throw new ConfigurationException("The configuration cannot work:\n  - " + String.join("\n  - ", problems));
        }
    }

    static List<String> problems(SidebarConfig sidebar, AttributesConfig attributes, SyncConfig sync,
            IntercomConfig intercom, Config config) {
        List<String> problems = new ArrayList<>();
        WorkspaceFormats.zoneProblem(sidebar.displayZone())
                .ifPresent(p -> problems.add("SIDEBAR_DISPLAY_ZONE '" + sidebar.displayZone() + "' " + p));
        WorkspaceFormats.currencyProblem(sidebar.defaultCurrency())
                .ifPresent(p -> problems.add("SIDEBAR_DEFAULT_CURRENCY '" + sidebar.defaultCurrency() + "' " + p));
        WorkspaceFormats.phoneRegionProblem(sidebar.phoneRegion())
                .ifPresent(p -> problems.add("SIDEBAR_PHONE_REGION '" + sidebar.phoneRegion() + "' " + p));
        if (sidebar.cacheTtl().isNegative()) {
            problems.add("SIDEBAR_CACHE_TTL must not be negative");
        }
        sidebar.profileUrlTemplate().filter(t -> !t.isBlank() && !t.contains("{id}"))
                .ifPresent(t -> problems.add("SIDEBAR_PROFILE_URL_TEMPLATE has no {id} to put the client id in"));
        try {
            new AttributeNames(attributes.names());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        config.getOptionalValue("attributes.typed-companions", String.class)
                .filter(v -> !v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false"))
                .ifPresent(v -> problems.add("ATTRIBUTES_TYPED_COMPANIONS '" + v + "' is neither true nor false"));
        if (sync.workers().orElse(0) < 0) {
            problems.add("SYNC_WORKERS must be 0 (no processing here) or more");
        }
        if (sync.maxAttempts() < 1) {
            problems.add("SYNC_MAX_ATTEMPTS must be at least 1");
        }
        if (sync.backoffInitial().isNegative() || sync.backoffInitial().isZero()) {
            problems.add("SYNC_BACKOFF_INITIAL must be longer than 0");
        }
        if (sync.backoffMax().compareTo(sync.backoffInitial()) < 0) {
            problems.add("SYNC_BACKOFF_MAX must not be shorter than SYNC_BACKOFF_INITIAL");
        }
        if (sync.lease().compareTo(SyncConfig.MIN_LEASE) < 0) {
            problems.add("SYNC_LEASE must be at least " + SyncConfig.MIN_LEASE.toSeconds()
                    + " s: a lease is renewed every third of it while its contact is written");
        }
        try {
            SyncConfig.pollInterval(sync.changesPollInterval());
        } catch (IllegalArgumentException e) {
            problems.add("SYNC_CHANGES_POLL_INTERVAL '" + sync.changesPollInterval() + "' " + e.getMessage());
        }
        if (sync.waitTimeout().isNegative()) {
            problems.add("SYNC_WAIT_TIMEOUT must not be negative");
        }
        if (sync.unchangedSkipInterval().isNegative()) {
            problems.add("SYNC_UNCHANGED_SKIP_INTERVAL must not be negative");
        }
        if (intercom.rateLimit().perMinute() < 6) {
            problems.add("INTERCOM_RATE_LIMIT_PER_MINUTE must be at least 6 (one call per 10-second window)");
        }
        double share = intercom.rateLimit().share();
        if (!(share > 0 && share <= 1)) {
            problems.add("INTERCOM_RATE_LIMIT_SHARE must be above 0 and at most 1");
        }
        checkUrl(problems, "INTERCOM_API_URL", config.getOptionalValue("intercom.api-url", String.class));
        checkUrl(problems, "PLATFORM_API_URL", config.getOptionalValue("platform.api-url", String.class));
        checkUrl(problems, "APP_BASE_URL", config.getOptionalValue("app.base-url", String.class));
        checkUrl(problems, "INTERCOM_TOKEN_URL", config.getOptionalValue("intercom.token-url", String.class));
        checkUrl(problems, "INTERCOM_OAUTH_URL", config.getOptionalValue("intercom.oauth-url", String.class));
        checkUrl(problems, "INTERCOM_APPSTORE_REDIRECT_URL",
                config.getOptionalValue("intercom.appstore-redirect-url", String.class));
        AuditRetention.problemWith(config.getOptionalValue("audit.retention", String.class).orElse("P6Y"))
                .ifPresent(problems::add);
        return problems;
    }

    private static void checkUrl(List<String> problems, String variable, Optional<String> value) {
        value.map(String::trim).filter(v -> !v.isEmpty()).ifPresent(v -> {
            try {
                URI uri = URI.create(v);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(variable + " '" + v + "' is not an http or https URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add(variable + " '" + v + "' is not a URL");
            }
        });
    }
}
