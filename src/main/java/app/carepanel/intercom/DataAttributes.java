package app.carepanel.intercom;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /data_attributes} and {@code POST /data_attributes} bodies. */
final class DataAttributes {

    private DataAttributes() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing(List<Item> data) {

        List<Item> items() {
            return data == null ? List.of() : data;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String name, @JsonProperty("data_type") String dataType, boolean custom) {

        IntercomClient.DataAttribute toDataAttribute() {
            return new IntercomClient.DataAttribute(name, dataType, custom);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Creation(String name, String model, @JsonProperty("data_type") String dataType, String description) {
    }
}
