package app.carepanel.backfill;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import app.carepanel.base.Causes;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.platform.PlatformException;
import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileService;
import app.carepanel.link.ContactLinks;
import app.carepanel.sync.BulkSync;
import app.carepanel.sync.SyncQueue;
import app.carepanel.sync.SyncRequest;
import app.carepanel.sync.SyncTrigger;
import app.carepanel.web.IntercomIds;
import io.quarkus.logging.Log;

/**
 * One contact of a backfill. Both runs screen the email first (no email, an invalid one or an excluded address is
 * neither looked up nor written). A dry run then looks the client up through the panel's cache (a platform call
 * for each address not looked up in the last {@code SIDEBAR_CACHE_TTL}) and asks the sync whether it would write;
 * it calls nothing of Intercom's. A real run queues the contact's sync with the email the listing gave, so the sync
 * need not read the contact again. A contact linked by hand is its client's: forecast from that client, queued
 * without an email, whatever its email is.
 */
@ApplicationScoped
class BackfillContacts {

    private final EmailScreen emails;
    private final ProfileService profiles;
    private final BulkSync bulk;
    private final SyncQueue queue;

    private final ContactLinks links;

    BackfillContacts(EmailScreen emails, ProfileService profiles, BulkSync bulk, SyncQueue queue, ContactLinks links) {
        this.links = links;
        this.emails = emails;
        this.profiles = profiles;
        this.bulk = bulk;
        this.queue = queue;
    }

    ContactOutcome handle(String workspaceId, boolean dryRun, IntercomContact contact) {
        if (contact.id() == null || !IntercomIds.isValid(contact.id(), IntercomIds.MAX_LENGTH)) {
            return ContactOutcome.FAILED;
        }
        Optional<ContactLinks.Link> link = links.of(workspaceId, contact.id());
        if (link.isPresent()) {
            // Linked by hand: its client's values, whatever its email (which may be none, or one that is screened out).
            return dryRun ? forecast(workspaceId, contact.id(), ProfileKey.ofClient(workspaceId, link.get().clientId()))
                    : enqueue(workspaceId, contact.id(), null);
        }
        if (!(emails.check(workspaceId, contact.email(), List.of()) instanceof EmailCheck.Lookup lookup)) {
            return ContactOutcome.EXCLUDED_OR_INVALID_EMAIL;
        }
        return dryRun ? forecast(workspaceId, contact.id(), new ProfileKey(workspaceId, lookup.email()))
                : enqueue(workspaceId, contact.id(), lookup.email());
    }

    private ContactOutcome forecast(String workspaceId, String contactId, ProfileKey key) {
        ClientProfile profile;
        try {
            profile = profiles.fetch(key, false);
        } catch (PlatformException | FaultToleranceException e) {
            Log.debugf("Backfill dry run: the lookup for contact %s in workspace %s failed (%s)", contactId, workspaceId,
                    Causes.rootName(e));
            return ContactOutcome.FAILED;
        } catch (RuntimeException e) {
            Log.warnf("Backfill dry run: the lookup for contact %s in workspace %s failed unexpectedly (%s)", contactId,
                    workspaceId, Causes.rootName(e));
            return ContactOutcome.FAILED;
        }
        if (!profile.accountFound()) {
            return ContactOutcome.NO_ACCOUNT;
        }
        return switch (bulk.forecast(workspaceId, contactId, profile)) {
            case WOULD_WRITE -> ContactOutcome.WOULD_WRITE;
            case UNCHANGED -> ContactOutcome.UNCHANGED;
        };
    }

    private ContactOutcome enqueue(String workspaceId, String contactId, String email) {
        try {
            queue.enqueue(SyncRequest.of(workspaceId, contactId, SyncTrigger.BACKFILL).withEmail(email));
            return ContactOutcome.QUEUED;
        } catch (RuntimeException e) {
            Log.warnf("Backfill could not queue contact %s in workspace %s: %s", contactId, workspaceId, Causes.rootName(e));
            return ContactOutcome.FAILED;
        }
    }
}
