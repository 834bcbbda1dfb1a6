package app.carepanel.console;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.canvas.PanelPreview;
import app.carepanel.sync.IntercomHoldings;
import app.carepanel.web.IntercomIds;

/**
 * The preview page's content: the panel for an email (and optional contact id) through the app's own initialize
 * or submit path, drawn, with the JSON beside it. Input that cannot be a contact gets a sentence, not a panel.
 */
@ApplicationScoped
class Previews {

    /** The longest address that can be an email (RFC 5321). */
    private static final int LONGEST_EMAIL = 254;

    private final PanelPreview panel;
    private final IntercomHoldings holdings;
    private final ObjectMapper json;

    Previews(PanelPreview panel, IntercomHoldings holdings, ObjectMapper json) {
        this.panel = panel;
        this.holdings = holdings;
        this.json = json;
    }

    /** {@code componentId} null: the first view; {@code samples}: emails offered as one-click choices. */
    ConsoleView.Preview of(String workspaceId, String adminId, String email, String contactId, String componentId,
            String storedData, List<String> samples, String action) {
        return of(workspaceId, adminId, email, contactId, componentId, storedData, Map.of(), samples, action);
    }

    /** As above, with what was typed in the drawn canvas's input ({@code inputs}: by the input's id). */
    ConsoleView.Preview of(String workspaceId, String adminId, String email, String contactId, String componentId,
            String storedData, Map<String, String> inputs, List<String> samples, String action) {
        String address = email == null ? "" : email.strip();
        String contact = contactId == null || contactId.isBlank() ? null : contactId.strip();
        if (address.isEmpty()) {
            return new ConsoleView.Preview("", contact == null ? "" : contact, samples, action, null);
        }
        if (address.length() > LONGEST_EMAIL) {
            return new ConsoleView.Preview("", "", samples, action,
                    "That is longer than any email address (at most " + LONGEST_EMAIL + " characters).");
        }
        if (contact != null && !IntercomIds.isValid(contact, IntercomIds.MAX_LENGTH)) {
            return new ConsoleView.Preview(address, "", samples, action,
                    "The contact id is not an Intercom id: leave it empty, or copy it from the contact's page.");
        }
        JsonNode answer = panel.show(workspaceId, adminId, contact, address, componentId, storedData, inputs);
        List<CanvasDrawing.Row> held = List.of();
        String heldNote = null;
        if (contact != null) {
            IntercomHoldings.Holding holding = holdings.of(workspaceId, contact);
            held = holding.values().entrySet().stream()
                    .map(e -> new CanvasDrawing.Row(e.getKey(), String.valueOf(e.getValue()))).toList();
            heldNote = holding.problem() != null ? holding.problem()
                    : (held.isEmpty() ? "Intercom holds none of this app's attributes for the contact yet. "
                            : "Read from Intercom just now. ")
                            + (holding.lastWrite() == null ? "The sync has not written to this contact yet."
                                    : "The sync last wrote on " + ConsoleView.when(holding.lastWrite()) + ".");
        }
        return new ConsoleView.Preview(address, contact == null ? "" : contact, samples, CanvasDrawing.of(answer),
                pretty(answer), action, null, held, heldNote);
    }

    /** The drawn canvas's one input, as the page posts it back: its id and what was typed (none when no id). */
    static Map<String, String> input(String inputId, String inputValue) {
        if (inputId == null || inputId.isBlank() || inputId.length() > 64 || inputValue == null) {
            return Map.of();
        }
        return Map.of(inputId, inputValue);
    }

    private String pretty(JsonNode answer) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            return answer.toString();
        }
    }
}
