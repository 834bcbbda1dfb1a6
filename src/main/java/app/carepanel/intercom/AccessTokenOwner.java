package app.carepanel.intercom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.workspace.TokenWorkspaceFinder;
import app.carepanel.workspace.WorkspaceConfig;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * The workspace {@code INTERCOM_ACCESS_TOKEN} belongs to, and its region, from {@code GET /me}. Asked until
 * answered; the answer is kept, and recorded with the workspace so that a restart knows it without asking.
 */
@ApplicationScoped
public class AccessTokenOwner implements TokenWorkspaceFinder {

    /** After a passing failure of {@code GET /me} (timeout, 5xx), how long until a lookup asks again. */
    static final Duration RETRY_AFTER_PASSING_FAILURE = Duration.ofSeconds(30);
    /** After Intercom refused the token on every host, how long until a lookup asks again. */
    static final Duration RETRY_AFTER_REFUSAL = Duration.ofMinutes(5);
    private static final String NO_TOKEN = "no access token configured (INTERCOM_ACCESS_TOKEN)";

    private final TokenOwners owners;
    private final WorkspaceConfig config;
    private final Workspaces workspaces;
    private final Clock clock;
    private volatile Located found;
    private volatile Instant askAgainAt = Instant.MIN;

    AccessTokenOwner(TokenOwners owners, WorkspaceConfig config, Workspaces workspaces, Clock clock) {
        this.owners = owners;
        this.config = config;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The token's workspace, asked of Intercom until it answers; an {@link IntercomException} until then. */
    public Located owner() {
        Located known = found;
        if (known != null) {
            return known;
        }
        String token = config.accessToken().map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new IntercomException.TokenRefused(NO_TOKEN));
        try {
            TokenOwners.Found owner = owners.of(token);
            Located answer = new Located(owner.owner().workspaceId(), owner.region());
            workspaces.ownsConfiguredToken(answer.workspaceId(), answer.region());
            found = answer;
            return answer;
        } catch (IntercomException.TokenRefused e) {
            Log.warn("Intercom refused INTERCOM_ACCESS_TOKEN on every region's host");
            throw e;
        }
    }

    /**
     * The token's workspace and region; empty while Intercom cannot say (asked again after a while: a passing
     * failure soon, a refusal later) and when no token is configured.
     */
    @Override
    public Optional<Located> configuredTokenWorkspace() {
        Located known = found;
        if (known != null) {
            return Optional.of(known);
        }
        if (config.accessToken().filter(t -> !t.isBlank()).isEmpty() || clock.instant().isBefore(askAgainAt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(owner());
        } catch (IntercomException e) {
            boolean passing = e instanceof IntercomException.Unavailable || e instanceof IntercomException.RateLimited;
            askAgainAt = clock.instant().plus(passing ? RETRY_AFTER_PASSING_FAILURE : RETRY_AFTER_REFUSAL);
            Log.debugf("The access token's workspace is not known (%s)", e.getMessage());
            return Optional.empty();
        }
    }
}
