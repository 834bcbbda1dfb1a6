package app.carepanel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A canvas the app answered, read back for assertions. Every canvas read through here is first checked
 * against Intercom's published Canvas Kit schema ({@code ../shared/intercom/canvas-kit-2.11.schemas.json})
 * when that file is present beside the project.
 */
public final class CanvasView {

    public static final Path SCHEMA_FILE = Path.of("..", "shared", "intercom", "canvas-kit-2.11.schemas.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final JsonNode canvas;

    private CanvasView(JsonNode response) {
        this.canvas = response.path("canvas");
    }

    /** Reads an initialize or submit response and checks it against the schema of that response type. */
    public static CanvasView of(String body, String responseType) {
        try {
            JsonNode response = JSON.readTree(body);
            schema(responseType).ifPresent(schema -> {
                Set<ValidationMessage> problems = schema.validate(response);
                assertThat(problems).as("canvas against Intercom's %s schema: %s", responseType, body).isEmpty();
            });
            assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .as("a canvas stays under Intercom's 64 KB").isLessThan(64 * 1024);
            return new CanvasView(response);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static CanvasView initializeResponse(String body) {
        return of(body, "initialize_response");
    }

    public static CanvasView submitResponse(String body) {
        return of(body, "submit_response");
    }

    /** The named schema of Intercom's file, when the file is present. */
    public static Optional<JsonSchema> schema(String name) {
        if (!Files.isRegularFile(SCHEMA_FILE)) {
            return Optional.empty();
        }
        URI file = SCHEMA_FILE.toAbsolutePath().normalize().toUri();
        return Optional.of(SCHEMAS.getSchema(SchemaLocation.of(file + "#/components/schemas/" + name)));
    }

    public List<JsonNode> components() {
        return StreamSupport.stream(canvas.path("content").path("components").spliterator(), false).toList();
    }

    public List<String> texts(String style) {
        return components().stream()
                .filter(c -> "text".equals(c.path("type").asText()) && style.equals(c.path("style").asText("paragraph")))
                .map(c -> c.path("text").asText())
                .toList();
    }

    public List<String> allText() {
        List<String> all = new ArrayList<>();
        for (JsonNode c : components()) {
            if (c.has("text")) {
                all.add(c.path("text").asText());
            }
            c.path("items").forEach(i -> all.add(i.path("field").asText() + ": " + i.path("value").asText()));
            if (c.has("label")) {
                all.add(c.path("label").asText());
            }
        }
        return all;
    }

    /** The value of a data-table field in the n-th table (0-based). */
    public String field(int table, String field) {
        List<JsonNode> tables = components().stream().filter(c -> "data-table".equals(c.path("type").asText())).toList();
        assertThat(tables).as("data tables").hasSizeGreaterThan(table);
        for (JsonNode item : tables.get(table).path("items")) {
            if (field.equals(item.path("field").asText())) {
                return item.path("value").asText();
            }
        }
        throw new AssertionError("no field '" + field + "' in table " + table + ": " + tables.get(table));
    }

    /** The field names of the n-th data table (0-based). */
    public List<String> fields(int table) {
        List<JsonNode> tables = components().stream().filter(c -> "data-table".equals(c.path("type").asText())).toList();
        assertThat(tables).as("data tables").hasSizeGreaterThan(table);
        return StreamSupport.stream(tables.get(table).path("items").spliterator(), false)
                .map(item -> item.path("field").asText()).toList();
    }

    public String field(String field) {
        return field(0, field);
    }

    public long tableCount() {
        return components().stream().filter(c -> "data-table".equals(c.path("type").asText())).count();
    }

    public List<String> buttonIds() {
        return components().stream().filter(c -> "button".equals(c.path("type").asText()))
                .map(c -> c.path("id").asText()).toList();
    }

    public List<String> buttonStyles() {
        return components().stream().filter(c -> "button".equals(c.path("type").asText()))
                .map(c -> c.path("style").asText("primary")).toList();
    }

    public Optional<String> linkUrl(String buttonId) {
        return components().stream().filter(c -> buttonId.equals(c.path("id").asText()))
                .map(c -> c.path("action").path("url").asText()).findFirst();
    }

    public String storedView() {
        return canvas.path("stored_data").path("view").asText();
    }

    @Override
    public String toString() {
        return canvas.toString();
    }

}
