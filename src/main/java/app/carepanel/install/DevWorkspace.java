package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.workspace.Region;
import app.carepanel.workspace.Workspaces;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: the workspace {@code dev/canvas-request.sh} sends from counts as installed, so that the panel
 * shows the demo platform's clients without an OAuth round trip to Intercom. Its token is a placeholder that
 * Intercom refuses, so its syncs wait, saying so in {@code /sync/status}.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevWorkspace {

    public static final String ID = "dev-workspace";

    void install(@Observes StartupEvent started, Workspaces workspaces) {
        if (!workspaces.isServed(ID)) {
            workspaces.install(ID, Region.US, "dev-placeholder-token", "dev");
            Log.infof("Dev mode: workspace %s counts as installed", ID);
        }
    }
}
