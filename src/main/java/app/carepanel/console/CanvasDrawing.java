package app.carepanel.console;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A canvas answer, as the preview draws it: each Canvas Kit component of {@code canvas.content.components} with
 * what the page shows of it, read from the JSON itself so that the preview shows what Intercom would receive.
 * Components this app does not use are drawn as a line that names their type.
 */
record CanvasDrawing(List<Drawn> components, String storedData) {

    /** One component: {@code type} as Canvas Kit names it, and the fields that type uses. */
    record Drawn(String type, String text, String style, String id, String label, String url, List<Row> rows,
            List<Drawn> items, String placeholder, String value) {

        public boolean isText() {
            return "text".equals(type);
        }

        public boolean isTable() {
            return "data-table".equals(type);
        }

        public boolean isSubmit() {
            return "button".equals(type) && url == null;
        }

        public boolean isLink() {
            return "button".equals(type) && url != null;
        }

        public boolean isDivider() {
            return "divider".equals(type);
        }

        public boolean isSpacer() {
            return "spacer".equals(type);
        }

        public boolean isList() {
            return "list".equals(type);
        }

        public boolean isInput() {
            return "input".equals(type);
        }

        public boolean isUnknown() {
            return !(isText() || isTable() || isSubmit() || isLink() || isDivider() || isSpacer() || isList()
                    || isInput());
        }
    }

    record Row(String field, String value) {
    }

    static CanvasDrawing of(JsonNode answer) {
        JsonNode canvas = answer.path("canvas");
        List<Drawn> drawn = new ArrayList<>();
        canvas.path("content").path("components").forEach(component -> drawn.add(drawn(component)));
        JsonNode stored = canvas.path("stored_data");
        return new CanvasDrawing(drawn, stored.isObject() ? stored.toString() : "");
    }

    private static Drawn drawn(JsonNode c) {
        List<Row> rows = new ArrayList<>();
        c.path("items").forEach(item -> {
            if (item.has("field")) {
                rows.add(new Row(item.path("field").asText(), item.path("value").asText()));
            }
        });
        List<Drawn> items = new ArrayList<>();
        if ("list".equals(c.path("type").asText())) {
            c.path("items").forEach(item -> items.add(drawn(item)));
        }
        JsonNode action = c.path("action");
        String url = "url".equals(action.path("type").asText()) ? action.path("url").asText(null) : null;
        // A spacer's size is drawn as its style.
        String style = c.has("style") ? text(c, "style") : text(c, "size");
        // A list item's subtitle and tertiary text are drawn as its text, joined as the Inbox joins them.
        String text = "item".equals(c.path("type").asText()) ? itemText(c) : text(c, "text");
        return new Drawn(c.path("type").asText(""), text, style, text(c, "id"),
                c.has("label") ? text(c, "label") : text(c, "title"), url, rows, items, text(c, "placeholder"),
                text(c, "value"));
    }

    private static String itemText(JsonNode item) {
        String subtitle = text(item, "subtitle");
        String tertiary = text(item, "tertiary_text");
        return subtitle == null ? tertiary : tertiary == null ? subtitle : subtitle + " · " + tertiary;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
