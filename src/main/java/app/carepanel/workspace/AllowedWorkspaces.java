package app.carepanel.workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Which workspaces may install the app and see client data ({@code INSTALL_ALLOWED_WORKSPACES}): a list of ids,
 * {@code *} for any workspace, or none at all (the default), when only the workspace of
 * {@code INTERCOM_ACCESS_TOKEN} is served. A workspace taken off the list keeps its installation but sees no
 * client data and syncs nothing until it is put back.
 */
@ApplicationScoped
public class AllowedWorkspaces {

    static final String ANY = "*";

    private final Set<String> ids;

    AllowedWorkspaces(@ConfigProperty(name = "install.allowed-workspaces") Optional<List<String>> configured) {
        this.ids = configured.orElse(List.of()).stream().map(String::trim).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Says loudly at start, outside dev mode and tests, that any workspace may install. */
    void warnWhenAnyWorkspaceMayInstall(@Observes StartupEvent started) {
        if (anyWorkspace() && LaunchMode.current() == LaunchMode.NORMAL) {
            Log.warn("INSTALL_ALLOWED_WORKSPACES is *: ANY Intercom workspace that installs this app sees the care "
                    + "platform's client data. List the practice's workspace ids instead.");
        }
    }

    /** True when the workspace may install the app and have its data shown. */
    public boolean permits(String workspaceId) {
        return ids.contains(ANY) || ids.contains(workspaceId);
    }

    /** True when any workspace at all may install ({@code *}). */
    public boolean anyWorkspace() {
        return ids.contains(ANY);
    }
}
