package app.carepanel.canvas;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomConversation;

/**
 * An Inbox initialize or submit request. The panel is about {@code contact}, or {@code customer} in older
 * payloads. On submit, {@code component_id} names the clicked button and {@code stored_data} (top level or
 * inside {@code current_canvas}) carries what the previous canvas stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CanvasRequest(
        String workspaceId,
        String workspaceRegion,
        IntercomContact contact,
        IntercomContact customer,
        IntercomConversation conversation,
        String componentId,
        JsonNode storedData,
        JsonNode currentCanvas) {

    public Optional<IntercomContact> subject() {
        return Optional.ofNullable(contact != null ? contact : customer);
    }

    public List<String> replyToEmails() {
        return conversation == null ? List.of() : conversation.replyToEmails();
    }

    /** A value the previous canvas stored, wherever this payload version puts it. */
    public Optional<String> stored(String key) {
        for (JsonNode holder : new JsonNode[] { storedData, at(currentCanvas, "stored_data"),
                at(at(currentCanvas, "current_canvas"), "stored_data") }) {
            JsonNode value = at(holder, key);
            if (value != null && value.isTextual()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode at(JsonNode node, String field) {
        return node == null || !node.isObject() ? null : node.get(field);
    }
}
