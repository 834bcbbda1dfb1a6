package app.carepanel.profile;

/**
 * A lookup for one workspace, the cache key and the snapshot key: of one normalised email, or, for a contact linked
 * by hand, of one platform client id ({@link #ofClient}; {@code email} null). Its string form shows neither the
 * email nor the client id, so a key that reaches a log line leaks nothing.
 */
public record ProfileKey(String workspaceId, String email, Long clientId) {

    public ProfileKey(String workspaceId, String email) {
        this(workspaceId, email, null);
    }

    /** The lookup of one client by its platform id, for a contact linked to it. */
    public static ProfileKey ofClient(String workspaceId, long clientId) {
        return new ProfileKey(workspaceId, null, clientId);
    }

    public boolean byClientId() {
        return clientId != null;
    }

    /** What the snapshot's keyed digest is taken of: the email, or the client id under a prefix no email has. */
    String digestInput() {
        return byClientId() ? "client-id:" + clientId : email;
    }

    @Override
    public String toString() {
        return byClientId() ? "ProfileKey[workspace=" + workspaceId + ", client=<redacted>]"
                : "ProfileKey[workspace=" + workspaceId + ", email=<redacted>]";
    }
}
