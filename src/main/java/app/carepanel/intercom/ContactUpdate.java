package app.carepanel.intercom;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PUT /contacts/{id}} writing custom attributes only; a null value clears the attribute, so nulls are sent. */
record ContactUpdate(@JsonProperty("custom_attributes") @JsonInclude(content = JsonInclude.Include.ALWAYS)
        Map<String, Object> customAttributes) {
}
