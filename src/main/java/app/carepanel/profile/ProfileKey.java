package app.carepanel.profile;

import app.carepanel.base.Digests;

/**
 * A lookup of one normalised email for one workspace: the cache key and the snapshot key. Its string form
 * never shows the email, so a key that reaches a log line leaks nothing.
 */
public record ProfileKey(String workspaceId, String email) {

    /** SHA-256 of the email, hex: how the email is stored at rest. */
    public String emailDigest() {
        return Digests.sha256Hex(email);
    }

    @Override
    public String toString() {
        return "ProfileKey[workspace=" + workspaceId + ", email=<redacted>]";
    }
}
