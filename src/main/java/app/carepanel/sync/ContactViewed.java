package app.carepanel.sync;

/**
 * A teammate viewed (or refreshed) a contact in the panel, whose email the signed request gave and the panel
 * looked up (null from the console's preview, whose email was typed: the sync reads the contact's own): the one way
 * the panel asks for a sync. Fired asynchronously, so the canvas never waits for the queue.
 */
public record ContactViewed(String workspaceId, String contactId, String email, boolean refresh) {

    @Override
    public String toString() {
        return "ContactViewed[workspace=" + workspaceId + ", contact=" + contactId + ", refresh=" + refresh + "]";
    }
}
