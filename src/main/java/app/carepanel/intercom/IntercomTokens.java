package app.carepanel.intercom;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.carepanel.base.Digests;
import app.carepanel.workspace.Workspace;

/**
 * The REST API token of each workspace, and whether Intercom has refused it. Until workspaces install the app
 * with OAuth, every workspace uses {@code INTERCOM_ACCESS_TOKEN}.
 */
@ApplicationScoped
public class IntercomTokens {

    private final Supplier<Optional<String>> accessToken;
    /** Per workspace, a digest of the token that got a 401: enough to notice a new token without keeping the old. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    @Inject
    IntercomTokens(IntercomConfig config) {
        this(config::accessToken);
    }

    IntercomTokens(Supplier<Optional<String>> accessToken) {
        this.accessToken = accessToken;
    }

    public Optional<String> tokenFor(Workspace workspace) {
        return currentToken(workspace.id());
    }

    /** True after a 401 with the workspace's current token; false again once the token changes or is accepted. */
    public boolean isRefused(String workspaceId) {
        String refusedDigest = refused.get(workspaceId);
        return refusedDigest != null
                && currentToken(workspaceId).map(Digests::sha256Hex).filter(refusedDigest::equals).isPresent();
    }

    /** Intercom accepted the workspace's token again (a call went through). */
    public void clearRefusal(String workspaceId) {
        refused.remove(workspaceId);
    }

    /** Intercom answered 401 to the workspace's current token. */
    public void markRefused(String workspaceId) {
        currentToken(workspaceId).ifPresent(token -> markRefused(workspaceId, token));
    }

    /** Intercom answered 401 to this token, which may already have been replaced by the time the answer came. */
    void markRefused(String workspaceId, String token) {
        refused.put(workspaceId, Digests.sha256Hex(token));
    }

    /** The same configured token for every workspace until each has its own from the OAuth installation. */
    private Optional<String> currentToken(String workspaceId) {
        return accessToken.get().map(String::trim).filter(token -> !token.isEmpty());
    }
}
