package app.carepanel.intercom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /me} for a token: the admin it was issued to and the workspace ({@code app.id_code}) it belongs to,
 * with the workspace's region. The string form leaves out the admin's email.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenOwner(String id, String email, @JsonProperty("email_verified") Boolean emailVerified, App app) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(@JsonProperty("id_code") String idCode, String region) {
    }

    /** The workspace id, or null when the answer named none. */
    public String workspaceId() {
        return app == null || app.idCode() == null || app.idCode().isBlank() ? null : app.idCode().trim();
    }

    @Override
    public String toString() {
        return "TokenOwner[admin=" + id + ", workspace=" + workspaceId() + "]";
    }
}
