package app.carepanel.profile;

/**
 * A lookup of one normalised email for one workspace: the cache key and the snapshot key. Its string form
 * never shows the email, so a key that reaches a log line leaks nothing.
 */
public record ProfileKey(String workspaceId, String email) {

    @Override
    public String toString() {
        return "ProfileKey[workspace=" + workspaceId + ", email=<redacted>]";
    }
}
