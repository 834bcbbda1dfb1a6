package app.carepanel.workspace;

import java.util.Optional;

/**
 * Finds the region of a workspace that no Canvas Kit request has named (webhooks carry none). Intercom's client
 * answers it ({@code GET /me} of the access token); declared here so that this package needs nothing above it.
 */
public interface RegionFinder {

    Optional<Region> regionOf(String workspaceId);
}
