package app.carepanel.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.support.CanvasView;

/**
 * The schema check that every canvas test goes through must be able to fail: a canvas that breaks Intercom's
 * schema is reported, and the app's own components serialise to what the schema accepts.
 */
class CanvasSchemaCheckTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void schemaRejectsCanvasWithUnknownTextStyle() throws Exception {
        assumeTrue(CanvasView.schema("initialize_response").isPresent(), "Intercom's schema file is not beside the project");
        JsonNode broken = json.readTree("""
                {"canvas": {"content": {"components": [{"type": "text", "text": "x", "style": "shouting"}]}}}
                """);
        assertThat(CanvasView.schema("initialize_response").get().validate(broken)).isNotEmpty();
    }

    @Test
    void schemaRejectsDataTableValueThatIsNotText() throws Exception {
        assumeTrue(CanvasView.schema("initialize_response").isPresent(), "Intercom's schema file is not beside the project");
        JsonNode broken = json.readTree("""
                {"canvas": {"content": {"components": [{"type": "data-table",
                  "items": [{"type": "field-value", "field": "Sessions", "value": 12}]}]}}}
                """);
        assertThat(CanvasView.schema("initialize_response").get().validate(broken)).isNotEmpty();
    }

    @Test
    void componentsSerialiseToWhatTheSchemaAccepts() throws Exception {
        assumeTrue(CanvasView.schema("initialize_response").isPresent(), "Intercom's schema file is not beside the project");
        Canvas canvas = new Canvas(List.of(
                Component.Text.header("Name"),
                Component.Text.muted("muted"),
                new Component.Text("error", "error"),
                new Component.DataTable(List.of(new Component.Row("Field", "Value"))),
                new Component.Divider(),
                new Component.Spacer("s"),
                Component.Button.submit("refresh", "Refresh"),
                Component.Button.link("open", "Open", "https://example.com/"),
                new Component.Input("client-query", "Find client", "Name", null),
                new Component.ItemList(List.of(new Component.Item("pick-client-1", "Sami Ruhsuf", "Client 1",
                        "s•••@example.com", new Component.Action.Submit()),
                        new Component.Item("pick-client-2", "Client 2", null, null, new Component.Action.Submit())))),
                Map.of("view", "summary"));
        JsonNode serialised = json.valueToTree(canvas);
        assertThat(CanvasView.schema("initialize_response").get().validate(serialised)).isEmpty();
        assertThat(CanvasView.schema("submit_response").get().validate(serialised)).isEmpty();
    }
}
