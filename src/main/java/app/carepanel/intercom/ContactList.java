package app.carepanel.intercom;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A page of {@code GET /contacts} (Intercom 2.16, "List all contacts"): users and leads, {@code total_count}, and
 * the cursor of the next page in {@code pages.next.starting_after}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactList(List<IntercomContact> data, @JsonProperty("total_count") Long totalCount, Pages pages) {

    ContactPage toPage() {
        String next = pages == null || pages.next() == null ? null : pages.next().startingAfter();
        return new ContactPage(data == null ? List.of() : List.copyOf(data),
                next == null || next.isBlank() ? null : next, totalCount);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pages(Next next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Next(@JsonProperty("starting_after") String startingAfter) {
    }
}
