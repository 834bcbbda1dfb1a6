package app.carepanel.canvas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** The Canvas Kit components this app uses in the Inbox, serialised with their {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Component.Text.class),
        @JsonSubTypes.Type(Component.Button.class),
        @JsonSubTypes.Type(Component.DataTable.class),
        @JsonSubTypes.Type(Component.Divider.class),
        @JsonSubTypes.Type(Component.Spacer.class),
        @JsonSubTypes.Type(Component.Input.class),
        @JsonSubTypes.Type(Component.ItemList.class)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Component {

    /** Text; {@code style} is one of header, paragraph, muted, error. */
    @JsonTypeName("text")
    record Text(String text, String style) implements Component {

        static Text header(String text) {
            return new Text(text, "header");
        }

        static Text muted(String text) {
            return new Text(text, "muted");
        }
    }

    /** A button that submits to the app or opens a link; {@code style} is secondary or link here. */
    @JsonTypeName("button")
    record Button(String id, String label, Action action, String style) implements Component {

        static Button submit(String id, String label) {
            return new Button(id, label, new Action.Submit(), "secondary");
        }

        static Button link(String id, String label, String url) {
            return new Button(id, label, new Action.Url(url), "link");
        }
    }

    /** Field-value rows; the Inbox truncates long values and shows them whole on hover. */
    @JsonTypeName("data-table")
    record DataTable(List<Row> items) implements Component {
    }

    @JsonTypeName("field-value")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    record Row(String field, String value) {
    }

    @JsonTypeName("divider")
    record Divider() implements Component {
    }

    @JsonTypeName("spacer")
    record Spacer(String size) implements Component {
    }

    /** A text input; a submit button on the same canvas sends its value in {@code input_values} under {@code id}. */
    @JsonTypeName("input")
    record Input(String id, String label, String placeholder, String value) implements Component {
    }

    /** A list of items; an item with a submit action sends its {@code id} as the {@code component_id}. */
    @JsonTypeName("list")
    record ItemList(List<Item> items) implements Component {
    }

    @JsonTypeName("item")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String title, String subtitle, @JsonProperty("tertiary_text") String tertiaryText,
            Action action) {
    }

    /** What a button does. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({ @JsonSubTypes.Type(Action.Submit.class), @JsonSubTypes.Type(Action.Url.class) })
    sealed interface Action {

        @JsonTypeName("submit")
        record Submit() implements Action {
        }

        @JsonTypeName("url")
        record Url(String url) implements Action {
        }
    }
}
