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
 * An Inbox initialize or submit request, from a teammate ({@code admin}) of a workspace. The panel is about {@code contact}, or {@code customer} in older
 * payloads. On submit, {@code component_id} names the clicked button or list item, {@code input_values} holds what was typed, and {@code stored_data} (top level or
 * inside {@code current_canvas}) carries what the previous canvas stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CanvasRequest(
        String workspaceId,
        String workspaceRegion,
        Admin admin,
        IntercomContact contact,
        IntercomContact customer,
        IntercomConversation conversation,
        String componentId,
        JsonNode storedData,
        JsonNode currentCanvas,
        JsonNode inputValues) {

    public CanvasRequest(String workspaceId, String workspaceRegion, Admin admin, IntercomContact contact,
            IntercomContact customer, IntercomConversation conversation, String componentId, JsonNode storedData,
            JsonNode currentCanvas) {
        this(workspaceId, workspaceRegion, admin, contact, customer, conversation, componentId, storedData,
                currentCanvas, null);
    }

    /** The teammate who opened the panel: their id and the teams they are in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Admin(String id, String name, List<String> teamIds) {

        public Admin(String id, List<String> teamIds) {
            this(id, null, teamIds);
        }
    }

    /** The teammate's name as Intercom gave it, or null. */
    public String adminName() {
        return admin == null ? null : admin.name();
    }

    /** What the teammate typed into the input {@code id}, when the submit carried it as text. */
    public Optional<String> input(String id) {
        JsonNode value = at(inputValues, id);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The teammate's id, or null when the request names none. */
    public String adminId() {
        return admin == null ? null : admin.id();
    }

    /** The teams of the teammate, empty when the request names none. */
    public List<String> teamIds() {
        return admin == null || admin.teamIds() == null ? List.of() : admin.teamIds();
    }

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
