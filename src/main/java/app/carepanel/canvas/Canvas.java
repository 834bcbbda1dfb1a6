package app.carepanel.canvas;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to initialize and submit: {@code {"canvas":{"content":{"components":[...]},"stored_data":{...}}}}. */
public record Canvas(@JsonProperty("canvas") Body body) {

    public Canvas(List<Component> components, Map<String, String> storedData) {
        this(new Body(new Content(List.copyOf(components)), storedData));
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(Content content, @JsonProperty("stored_data") Map<String, String> storedData) {
    }

    public record Content(List<Component> components) {
    }
}
