package app.carepanel.sync;

import java.time.Instant;

/**
 * A teammate viewed (or refreshed) a contact in the panel, whose email the signed request gave and the panel
 * looked up (null from the console's preview, whose email was typed: the sync reads the contact's own): the one way
 * the panel asks for a sync, with when the client data it showed was fetched ({@code dataAsOf}, null when none): a
 * contact whose last sync used data as new as that is not synced again. Fired asynchronously, so the canvas never
 * waits for the queue.
 */
public record ContactViewed(String workspaceId, String contactId, String email, boolean refresh, Instant dataAsOf) {

    public ContactViewed(String workspaceId, String contactId, String email, boolean refresh) {
        this(workspaceId, contactId, email, refresh, null);
    }

    @Override
    public String toString() {
        return "ContactViewed[workspace=" + workspaceId + ", contact=" + contactId + ", refresh=" + refresh + "]";
    }
}
