package app.carepanel.intercom;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /contacts/search} on one field, and the pages it answers. */
final class ContactSearch {

    /** Intercom's largest page, so that one email rarely needs a second call. */
    static final int PER_PAGE = 150;

    private ContactSearch() {
    }

    static Request byEmail(String email, String startingAfter) {
        return new Request(new Query("email", "=", email), new Pagination(PER_PAGE, startingAfter));
    }

    record Request(Query query, Pagination pagination) {
    }

    record Query(String field, String operator, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pagination(@JsonProperty("per_page") int perPage, @JsonProperty("starting_after") String startingAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<IntercomContact> data, Pages pages) {

        List<IntercomContact> contacts() {
            return data == null ? List.of() : data;
        }

        /** The cursor of the next page; null on the last one. */
        String nextCursor() {
            return pages == null || pages.next() == null ? null : pages.next().startingAfter();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pages(Next next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Next(@JsonProperty("starting_after") String startingAfter) {
    }
}
