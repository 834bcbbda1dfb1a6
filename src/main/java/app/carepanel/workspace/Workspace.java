package app.carepanel.workspace;

import java.net.URI;
import java.util.Optional;

/**
 * A workspace as the app calls Intercom for it: its id (Canvas Kit's {@code workspace_id}, a webhook's
 * {@code app_id}), its region (US until one is known), the REST host of that region, and the token its calls are
 * made with; without a usable token, {@code whyNoToken} says why in words for {@code /sync/status} ("not
 * installed", "not allowed"...). The string form never shows the token.
 */
public record Workspace(String id, Region region, URI apiHost, Optional<String> token, String whyNoToken) {

    @Override
    public String toString() {
        return "Workspace[id=" + id + ", region=" + region.code() + ", host=" + apiHost
                + ", token=" + (token.isPresent() ? "<set>" : "<none>") + "]";
    }
}
