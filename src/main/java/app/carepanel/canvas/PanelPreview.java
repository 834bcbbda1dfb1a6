package app.carepanel.canvas;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.IntercomContact;

/**
 * The panel for the console's preview: the very JSON the app answers Intercom with, for a contact given by email
 * (and, when known, its Intercom id), through the same initialize and submit path as the Inbox's.
 */
@ApplicationScoped
public class PanelPreview {

    /** Longer stored data than any canvas of this app stores is not its own. */
    private static final int LONGEST_STORED = 2_000;

    private final PanelService panel;
    private final ObjectMapper json;

    PanelPreview(PanelService panel, ObjectMapper json) {
        this.panel = panel;
        this.json = json;
    }

    /**
     * {@code componentId}: the button pressed, or null for the first view; {@code storedData}: the JSON object the
     * previous canvas stored, as the page sent it back; {@code inputs}: what was typed in the canvas's inputs, by id.
     */
    public JsonNode show(String workspaceId, String adminId, String contactId, String email, String componentId,
            String storedData, Map<String, String> inputs) {
        CanvasRequest request = new CanvasRequest(workspaceId, null, new CanvasRequest.Admin(adminId, List.of()),
                new IntercomContact(contactId, email, "user"), null, null, componentId, stored(storedData), null,
                inputs == null || inputs.isEmpty() ? null : json.valueToTree(inputs));
        return json.valueToTree(panel.preview(request));
    }

    private JsonNode stored(String storedData) {
        if (storedData == null || storedData.isBlank() || storedData.length() > LONGEST_STORED) {
            return null;
        }
        try {
            JsonNode node = json.readTree(storedData);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
