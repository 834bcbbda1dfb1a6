package app.carepanel.intercom;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code DELETE /conversations/{id}/tags/{tagId}}: the admin on whose behalf the tag is removed. */
record TagRemovalRequest(@JsonProperty("admin_id") String adminId) {
}
