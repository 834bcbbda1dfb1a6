package app.carepanel.intercom;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Intercom's error body ({@code type: error.list}), read only to tell one refusal from another. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ErrorList(List<Error> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message) {
    }

    /** Whether any error's code or message speaks of a limit (e.g. the workspace's custom-attribute cap). */
    boolean mentionsLimit() {
        return errors != null
                && errors.stream().anyMatch(e -> contains(e.code(), "limit") || contains(e.message(), "limit"));
    }

    private static boolean contains(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
