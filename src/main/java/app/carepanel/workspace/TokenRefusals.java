package app.carepanel.workspace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.carepanel.base.Digests;

/**
 * Which workspaces' tokens Intercom has refused (401). A digest of the refused token is kept, not the token: enough
 * to notice that the token has changed since, and to treat the new one as untried.
 */
final class TokenRefusals {

    private final Map<String, String> refused = new ConcurrentHashMap<>();

    void refused(String workspaceId, String token) {
        refused.put(workspaceId, Digests.sha256Hex(token));
    }

    void accepted(String workspaceId) {
        refused.remove(workspaceId);
    }

    boolean isRefused(String workspaceId, String currentToken) {
        String digest = refused.get(workspaceId);
        return digest != null && currentToken != null && digest.equals(Digests.sha256Hex(currentToken));
    }
}
