package app.carepanel.changes;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomException;
import app.carepanel.link.ContactLinks;
import app.carepanel.platform.ClientChangesPage;
import app.carepanel.platform.PlatformClient;
import app.carepanel.platform.PlatformRejected;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.sync.SyncQueue;
import app.carepanel.sync.SyncRequest;
import app.carepanel.sync.SyncTrigger;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * One pass over a workspace's client changes: asks the platform which clients changed since the saved position,
 * finds the Intercom contacts with each email (users and leads, several per email) and queues them, with the email
 * the search confirmed, so that their syncs need not read them back; and the contacts linked by hand to the changed
 * client ({@code clientId}, since the API's version 1.1), whatever their email.
 */
@ApplicationScoped
public class ChangePoll {

    static final int PAGE_SIZE = 500;
    static final int MAX_CURSOR_LENGTH = 4000;
    /** Pages read in one pass at most; the rest waits for the next poll, from the saved cursor. */
    static final int MAX_PAGES_PER_POLL = 200;
    /** Contacts linked by hand to one client that a change re-syncs at most (a person links a handful, not more). */
    static final int MOST_LINKED_PER_CLIENT = 100;

    private final PlatformClient platform;
    private final IntercomClient intercom;
    private final EmailScreen emails;
    private final SyncQueue queue;
    private final Workspaces workspaces;
    private final ChangePositions positions;
    private final ContactLinks links;

    ChangePoll(PlatformClient platform, IntercomClient intercom, EmailScreen emails, SyncQueue queue,
            Workspaces workspaces, ChangePositions positions, ContactLinks links) {
        this.links = links;
        this.platform = platform;
        this.intercom = intercom;
        this.emails = emails;
        this.queue = queue;
        this.workspaces = workspaces;
        this.positions = positions;
    }

    /** One pass over every page of changes since the saved position. Returns the number of contacts queued. */
    public int run(String workspaceId) {
        Workspace workspace = workspaces.resolve(workspaceId);
        ChangePollState state = positions.of(workspaceId);
        Instant since = state.since;
        String cursor = state.cursor;
        Instant latest = since;
        int queued = 0;
        for (int pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
            ClientChangesPage page;
            try {
                page = platform.listClientChanges(since, cursor, PAGE_SIZE);
            } catch (PlatformRejected e) {
                if (cursor == null) {
                    throw e;
                }
                // A saved cursor the platform no longer takes (expired, say): start the pass again from since.
                Log.warnf("The platform refused the saved changes cursor (%s); starting again from the last change time",
                        e.getMessage());
                cursor = null;
                positions.save(workspaceId, since, null);
                continue;
            }
            for (ClientChangesPage.Change change : page.changesOrEmpty()) {
                queued += queueContactsOf(workspace, change.email());
                if (change.clientId() != null) {
                    queued += queueLinkedTo(workspace, change.clientId());
                }
                if (change.changedAt() != null && change.changedAt().isAfter(latest)) {
                    latest = change.changedAt();
                }
            }
            String next = page.nextCursor() == null || page.nextCursor().isBlank() ? null : page.nextCursor();
            if (next != null && (next.equals(cursor) || next.length() > MAX_CURSOR_LENGTH)) {
                Log.warnf("The platform's changes cursor did not move or is too long; ending this pass at the last change");
                next = null;
            }
            cursor = next;
            positions.save(workspaceId, cursor == null ? latest : since, cursor);
            if (cursor == null) {
                break;
            }
        }
        if (queued > 0) {
            Log.infof("Client changes queued %d contacts in workspace %s", queued, workspaceId);
        }
        return queued;
    }

    /** The contacts linked by hand to the client: they may not share its email. */
    private int queueLinkedTo(Workspace workspace, long clientId) {
        List<String> linked = links.contactsOf(workspace.id(), clientId, MOST_LINKED_PER_CLIENT);
        for (String contactId : linked) {
            queue.enqueue(SyncRequest.of(workspace.id(), contactId, SyncTrigger.PLATFORM_CHANGE));
        }
        return linked.size();
    }

    private int queueContactsOf(Workspace workspace, String email) {
        if (!(emails.check(workspace.id(), email, List.of()) instanceof EmailCheck.Lookup lookup)) {
            return 0;
        }
        List<IntercomContact> contacts;
        try {
            contacts = intercom.findContactsByEmail(workspace, lookup.email());
        } catch (IntercomException.Rejected e) {
            Log.warnf("A contact search was refused in workspace %s (%s); that change is skipped", workspace.id(),
                    e.getMessage());
            return 0;
        }
        for (IntercomContact contact : contacts) {
            queue.enqueue(SyncRequest.of(workspace.id(), contact.id(), SyncTrigger.PLATFORM_CHANGE).withEmail(lookup.email()));
        }
        return contacts.size();
    }
}
