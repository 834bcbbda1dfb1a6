package app.carepanel.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import app.carepanel.base.Causes;
import io.quarkus.logging.Log;

/**
 * Queues a sync of each contact viewed in the panel, off the request thread, with the email the panel used; a view
 * of data the contact's attributes are known to hold asks nothing ({@link SyncedViews}).
 */
@ApplicationScoped
class ViewedContacts {

    private final SyncQueue queue;
    private final SyncedViews synced;

    ViewedContacts(SyncQueue queue, SyncedViews synced) {
        this.queue = queue;
        this.synced = synced;
    }

    void viewed(@ObservesAsync ContactViewed viewed) {
        try {
            SyncTrigger trigger = viewed.refresh() ? SyncTrigger.REFRESH : SyncTrigger.VIEW;
            SyncRequest request = SyncRequest.of(viewed.workspaceId(), viewed.contactId(), trigger)
                    .withEmail(viewed.email()).showing(viewed.dataAsOf());
            if (!synced.hold(request)) {
                queue.enqueue(request);
            }
        } catch (RuntimeException e) {
            Log.warnf("Sync of contact %s in workspace %s was not queued: %s", viewed.contactId(), viewed.workspaceId(),
                    Causes.rootName(e));
        }
    }
}
