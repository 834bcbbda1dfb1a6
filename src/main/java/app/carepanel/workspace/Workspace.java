package app.carepanel.workspace;

import java.util.Locale;

/**
 * An Intercom workspace the app serves, as every Canvas Kit request and webhook names it ({@code workspace_id}
 * or {@code app_id}), with its hosting region ({@code us}, {@code eu}, {@code au}) when known.
 */
public record Workspace(String id, String region) {

    public Workspace {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a workspace needs an id");
        }
        id = id.trim();
        region = region == null || region.isBlank() ? "us" : region.trim().toLowerCase(Locale.ROOT);
    }
}
