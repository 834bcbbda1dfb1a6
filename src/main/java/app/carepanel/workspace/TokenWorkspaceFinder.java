package app.carepanel.workspace;

import java.util.Optional;

/**
 * Finds which workspace {@code INTERCOM_ACCESS_TOKEN} belongs to, and its region. Intercom's client answers it
 * ({@code GET /me}); declared here so that this package needs nothing above it.
 */
public interface TokenWorkspaceFinder {

    /** The configured token's workspace and region; empty while Intercom cannot say (asked again later). */
    Optional<Located> configuredTokenWorkspace();

    /** A workspace and the region it is hosted in. */
    record Located(String workspaceId, Region region) {
    }
}
