package app.carepanel.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * One ask for a contact's sync: where it came from, the contact's email when the trigger carried it (a panel view,
 * a search of the change poll, a webhook naming its author), the sync tag to take off afterwards, and, for a view,
 * when the client data it showed was fetched.
 */
public record SyncRequest(String workspaceId, String contactId, SyncTrigger trigger, Optional<String> email,
        Optional<TagRemoval> tag, Optional<Instant> shownDataAsOf) {

    public static SyncRequest of(String workspaceId, String contactId, SyncTrigger trigger) {
        return new SyncRequest(workspaceId, contactId, trigger, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SyncRequest withEmail(String email) {
        return new SyncRequest(workspaceId, contactId, trigger, Optional.ofNullable(email), tag, shownDataAsOf);
    }

    public SyncRequest withTag(TagRemoval removal) {
        return new SyncRequest(workspaceId, contactId, trigger, email, Optional.of(removal), shownDataAsOf);
    }

    /** A view showed client data fetched at {@code fetchedAt} (null when it showed none). */
    public SyncRequest showing(Instant fetchedAt) {
        return new SyncRequest(workspaceId, contactId, trigger, email, tag, Optional.ofNullable(fetchedAt));
    }

    @Override
    public String toString() {
        return "SyncRequest[workspace=" + workspaceId + ", contact=" + contactId + ", trigger=" + trigger
                + ", email=" + (email.isPresent() ? "<given>" : "<none>") + ", tag=" + tag + "]";
    }
}
