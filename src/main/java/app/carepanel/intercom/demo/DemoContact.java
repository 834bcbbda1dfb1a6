package app.carepanel.intercom.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact of the dev-mode stand-in Intercom as it stands: its id and email, the custom attributes written to it
 * (a null value is one the app cleared), when it was last written and how many writes it has had.
 */
public record DemoContact(String id, String email, Map<String, Object> customAttributes, Instant createdAt,
        Instant writtenAt, int writes) {

    public DemoContact {
        customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    }

    /** Intercom's {@code contact} object, with the fields the stand-in knows. */
    Map<String, Object> toJson(String workspaceId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "contact");
        json.put("id", id);
        json.put("workspace_id", workspaceId);
        json.put("external_id", null);
        json.put("role", "user");
        json.put("email", email);
        json.put("name", null);
        json.put("created_at", createdAt.getEpochSecond());
        json.put("updated_at", (writtenAt == null ? createdAt : writtenAt).getEpochSecond());
        json.put("custom_attributes", customAttributes);
        return json;
    }

    /** What the dev view shows: the contact, what was written to it, when, and how often. */
    Map<String, Object> toDevJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("email", email);
        json.put("writes", writes);
        json.put("written_at", writtenAt == null ? null : writtenAt.toString());
        json.put("custom_attributes", customAttributes);
        return json;
    }
}
