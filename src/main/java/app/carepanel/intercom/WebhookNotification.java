package app.carepanel.intercom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Intercom's webhook envelope; {@code app_id} is the workspace, {@code data.item} the topic's object, read as the
 * conversation or the contact the topic is about.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookNotification(
        String type,
        String id,
        String topic,
        @JsonProperty("app_id") String appId,
        @JsonProperty("created_at") Long createdAt,
        Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(JsonNode item) {
    }

    /** The item as a conversation; an {@link IllegalArgumentException} when it is not one Intercom would send. */
    public IntercomConversation conversation(ObjectMapper json) {
        return as(json, IntercomConversation.class);
    }

    /** The item as a contact; an {@link IllegalArgumentException} when it is not one Intercom would send. */
    public IntercomContact contact(ObjectMapper json) {
        return as(json, IntercomContact.class);
    }

    private <T> T as(ObjectMapper json, Class<T> type) {
        JsonNode item = data == null || data.item() == null ? MissingNode.getInstance() : data.item();
        if (!item.isObject()) {
            throw new IllegalArgumentException("data.item is not an object");
        }
        return json.convertValue(item, type);
    }
}
