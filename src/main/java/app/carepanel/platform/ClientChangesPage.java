package app.carepanel.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of {@code GET /v1/client-changes}: emails whose data changed, oldest first; since version 1.1 each change
 * also names the account ({@code clientId}), which may be missing from an older platform.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientChangesPage(List<Change> changes, String nextCursor) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String email, Long clientId, Instant changedAt) {

        public Change(String email, Instant changedAt) {
            this(email, null, changedAt);
        }
    }

    public List<Change> changesOrEmpty() {
        return changes == null ? List.of() : changes;
    }
}
