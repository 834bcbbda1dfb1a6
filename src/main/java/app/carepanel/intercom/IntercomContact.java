package app.carepanel.intercom;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of Intercom's contact model the app reads; {@code customAttributes} only where Intercom sent them (a
 * contact read by id), else empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomContact(String id, String email, String role,
        @JsonProperty("custom_attributes") Map<String, Object> customAttributes) {

    public IntercomContact {
        customAttributes = customAttributes == null ? Map.of() : customAttributes;
    }

    public IntercomContact(String id, String email, String role) {
        this(id, email, role, Map.of());
    }

    @Override
    public String toString() {
        return "IntercomContact[id=" + id + ", role=" + role + "]";
    }
}
