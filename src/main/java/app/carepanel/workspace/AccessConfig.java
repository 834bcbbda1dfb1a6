package app.carepanel.workspace;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may see client data in the panel ({@code SIDEBAR_ALLOWED_TEAMS}); the display settings share the prefix. */
@ConfigMapping(prefix = "sidebar")
public interface AccessConfig {

    /** Intercom team ids whose teammates see client data; none means every teammate. */
    Optional<List<String>> allowedTeams();
}
