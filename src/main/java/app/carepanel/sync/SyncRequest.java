package app.carepanel.sync;

import java.util.Optional;

/**
 * One ask for a contact's sync: where it came from, the contact's email when the trigger carried it (a panel view,
 * a search of the change poll, a webhook naming its author), and the sync tag to take off afterwards.
 */
public record SyncRequest(String workspaceId, String contactId, SyncTrigger trigger, Optional<String> email,
        Optional<TagRemoval> tag) {

    public static SyncRequest of(String workspaceId, String contactId, SyncTrigger trigger) {
        return new SyncRequest(workspaceId, contactId, trigger, Optional.empty(), Optional.empty());
    }

    public SyncRequest withEmail(String email) {
        return new SyncRequest(workspaceId, contactId, trigger, Optional.ofNullable(email), tag);
    }

    public SyncRequest withTag(TagRemoval removal) {
        return new SyncRequest(workspaceId, contactId, trigger, email, Optional.of(removal));
    }

    @Override
    public String toString() {
        return "SyncRequest[workspace=" + workspaceId + ", contact=" + contactId + ", trigger=" + trigger
                + ", email=" + (email.isPresent() ? "<given>" : "<none>") + ", tag=" + tag + "]";
    }
}
