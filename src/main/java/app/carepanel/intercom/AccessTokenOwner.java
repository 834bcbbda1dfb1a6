package app.carepanel.intercom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.workspace.Region;
import app.carepanel.workspace.RegionFinder;
import app.carepanel.workspace.WorkspaceConfig;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * The workspace {@code INTERCOM_ACCESS_TOKEN} belongs to, and its region, from {@code GET /me}. A token is only
 * accepted by its own region's host, so without {@code INTERCOM_API_URL} the hosts are tried in turn (US, EU, AU)
 * until one accepts it. Asked until answered; the answer is kept and recorded as the workspace's region.
 */
@ApplicationScoped
public class AccessTokenOwner implements RegionFinder {

    /** After a passing failure of {@code GET /me} (timeout, 5xx), how long until a region lookup asks again. */
    static final Duration RETRY_AFTER_PASSING_FAILURE = Duration.ofSeconds(30);
    /** After Intercom refused the token on every host, how long until a region lookup asks again. */
    static final Duration RETRY_AFTER_REFUSAL = Duration.ofMinutes(5);
    private static final String NO_TOKEN = "no access token configured (INTERCOM_ACCESS_TOKEN)";

    private final IntercomClient intercom;
    private final WorkspaceConfig config;
    private final Workspaces workspaces;
    private final Clock clock;
    private volatile Owner found;
    private volatile Instant askAgainAt = Instant.MIN;

    AccessTokenOwner(IntercomClient intercom, WorkspaceConfig config, Workspaces workspaces, Clock clock) {
        this.intercom = intercom;
        this.config = config;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The token's workspace and its region. */
    public record Owner(String workspaceId, Region region) {
    }

    /** The token's workspace, asked of Intercom until it answers; an {@link IntercomException} until then. */
    public Owner owner() {
        Owner known = found;
        if (known != null) {
            return known;
        }
        String token = config.accessToken().map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new IntercomException.TokenRefused(NO_TOKEN));
        List<Region> regions = config.oneHostForAll() ? List.of(Region.US) : List.of(Region.values());
        IntercomException.TokenRefused refused = null;
        for (Region region : regions) {
            try {
                TokenOwner owner = intercom.tokenOwner(config.apiHost(region), token);
                if (owner.workspaceId() == null) {
                    throw new IntercomException.Unavailable("token owner lookup answered no workspace id");
                }
                Owner answer = new Owner(owner.workspaceId(), Region.parse(owner.app().region()).orElse(region));
                workspaces.remember(answer.workspaceId(), answer.region());
                found = answer;
                return answer;
            } catch (IntercomException.TokenRefused e) {
                refused = e;
            }
        }
        Log.warn("Intercom refused the access token on every region's host");
        throw refused;
    }

    /**
     * The region of the workspace when it is the token's own; empty for any other, and while Intercom cannot say
     * (asked again after a while: a passing failure soon, a refusal later).
     */
    @Override
    public Optional<Region> regionOf(String workspaceId) {
        Owner known = found;
        if (known == null && clock.instant().isBefore(askAgainAt)) {
            return Optional.empty();
        }
        try {
            Owner owner = known != null ? known : owner();
            return owner.workspaceId().equals(workspaceId) ? Optional.of(owner.region()) : Optional.empty();
        } catch (IntercomException e) {
            boolean passing = e instanceof IntercomException.Unavailable || e instanceof IntercomException.RateLimited;
            askAgainAt = clock.instant().plus(passing ? RETRY_AFTER_PASSING_FAILURE : RETRY_AFTER_REFUSAL);
            Log.debugf("The access token's workspace is not known (%s); workspace %s is taken to be in the US region",
                    e.getMessage(), workspaceId);
            return Optional.empty();
        }
    }
}
