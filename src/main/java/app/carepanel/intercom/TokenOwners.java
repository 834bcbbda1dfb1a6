package app.carepanel.intercom;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.workspace.Region;
import app.carepanel.workspace.WorkspaceConfig;

/**
 * Who a token belongs to ({@code GET /me}): the admin, the workspace and its region. A token is only accepted by
 * its own region's host, so without {@code INTERCOM_API_URL} the hosts are tried in turn (US, EU, AU) until one
 * accepts it.
 */
@ApplicationScoped
public class TokenOwners {

    private final IntercomClient intercom;
    private final WorkspaceConfig config;

    TokenOwners(IntercomClient intercom, WorkspaceConfig config) {
        this.intercom = intercom;
        this.config = config;
    }

    /** The token's owner and the region whose host accepted it. */
    public record Found(TokenOwner owner, Region region) {
    }

    /**
     * Asks each region's host in turn; {@link IntercomException.TokenRefused} when every host refused the token,
     * another {@link IntercomException} when Intercom could not answer, or answered no workspace.
     */
    public Found of(String token) {
        List<Region> regions = config.oneHostForAll() ? List.of(Region.US) : List.of(Region.values());
        IntercomException.TokenRefused refused = null;
        for (Region region : regions) {
            try {
                TokenOwner owner = intercom.tokenOwner(config.apiHost(region), token);
                if (owner.workspaceId() == null) {
                    throw new IntercomException.Unavailable("token owner lookup answered no workspace id");
                }
                return new Found(owner, Region.parse(owner.app().region()).orElse(region));
            } catch (IntercomException.TokenRefused e) {
                refused = e;
            }
        }
        throw refused;
    }
}
