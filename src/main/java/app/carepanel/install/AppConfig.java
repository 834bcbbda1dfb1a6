package app.carepanel.install;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where this app is reached from outside ({@code APP_BASE_URL}): the installation's redirect URL starts with it. */
@ConfigMapping(prefix = "app")
public interface AppConfig {

    /** The app's public base URL, e.g. {@code https://care-panel.example.com}; without it nothing can install. */
    Optional<URI> baseUrl();

    /** The base URL without a trailing slash. */
    default Optional<String> base() {
        return baseUrl().map(URI::toString).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
