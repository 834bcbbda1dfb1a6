package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.intercom.demo.DemoIntercom;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.Workspaces;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: the workspace {@code dev/canvas-request.sh} sends from counts as installed, so that the panel
 * shows the demo platform's clients without an OAuth round trip to Intercom. Its token is the one the stand-in
 * Intercom ({@link DemoIntercom}, where dev mode's {@code intercom.api-url} points) accepts, so its syncs run and
 * write there; a dev database from before the stand-in, holding another token, gets this one.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevWorkspace {

    public static final String ID = DemoIntercom.WORKSPACE_ID;

    void install(@Observes StartupEvent started, Workspaces workspaces) {
        if (workspaces.resolve(ID).token().filter(DemoIntercom.TOKEN::equals).isEmpty()) {
            workspaces.install(ID, Region.US, DemoIntercom.TOKEN, DemoIntercom.ADMIN_ID);
            Log.infof("Dev mode: workspace %s counts as installed, with the stand-in Intercom's token", ID);
        }
    }
}
