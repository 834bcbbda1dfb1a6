package app.carepanel.profile;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What is written to the Intercom contact ({@code ATTRIBUTES_*}). */
@ConfigMapping(prefix = "attributes")
public interface AttributesConfig {

    /** Renamed attributes, {@code Default Name=New Name} pairs separated by {@code ;}. */
    Optional<String> names();

    /** Whether the typed companions ({@code next_appointment_at}, ...) are written beside the display values. */
    @WithDefault("true")
    boolean typedCompanions();
}
