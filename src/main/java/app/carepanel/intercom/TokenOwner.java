package app.carepanel.intercom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of {@code GET /me} that names the workspace a token belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenOwner(App app) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record App(@JsonProperty("id_code") String idCode, String region) {
    }
}
