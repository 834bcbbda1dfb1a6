package app.carepanel.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Intercom's webhook envelope; {@code app_id} is the workspace, {@code data.item} the topic's object. */
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

    JsonNode item() {
        return data == null || data.item() == null ? MissingNode.getInstance()
                : data.item();
    }
}
