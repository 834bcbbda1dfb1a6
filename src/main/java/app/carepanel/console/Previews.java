package app.carepanel.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Texts;
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
    /** How long the page waits for the view's sync before it reads what Intercom holds. */
    private static final Duration SYNC_PATIENCE = Duration.ofSeconds(3);

    private final PanelPreview panel;
    private final IntercomHoldings holdings;
    private final ObjectMapper json;
    private final Clock clock;

    Previews(PanelPreview panel, IntercomHoldings holdings, ObjectMapper json, Clock clock) {
        this.panel = panel;
        this.holdings = holdings;
        this.json = json;
        this.clock = clock;
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
            // The input is kept (cut to what its field takes), so that the admin can correct it.
            return new ConsoleView.Preview(Texts.cut(address, LONGEST_EMAIL), contact == null ? "" : contact, samples,
                    action, "That is longer than any email address (at most " + LONGEST_EMAIL + " characters).");
        }
        if (contact != null && !IntercomIds.isValid(contact, IntercomIds.MAX_LENGTH)) {
            return new ConsoleView.Preview(address, Texts.cut(contact, IntercomIds.MAX_LENGTH), samples, action,
                    "The contact id is not an Intercom id: leave it empty, or copy it from the contact's page.");
        }
        Instant asked = clock.instant();
        JsonNode answer = panel.show(workspaceId, adminId, contact, address, componentId, storedData, inputs);
        List<CanvasDrawing.Row> held = List.of();
        String heldNote = null;
        if (contact != null) {
            // The view queued the contact's sync: what Intercom holds is read once it has ended, so that the page shows
            // this view's write rather than the one before (an admin's page may wait a few seconds; a panel never).
            IntercomHoldings.Holding holding = holdings.afterSync(workspaceId, contact, asked, SYNC_PATIENCE);
            held = holding.values().entrySet().stream()
                    .map(e -> new CanvasDrawing.Row(e.getKey(), String.valueOf(e.getValue()))).toList();
            heldNote = holding.problem() != null ? holding.problem()
                    : (held.isEmpty() ? "Intercom holds none of this app's attributes for the contact yet. "
                            : "Read from Intercom just now. ")
                            + (holding.syncSettled() ? "" : "This view's sync was still under way; reload in a moment "
                                    + "to see what it writes. ")
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
