package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomClient.ContactLookup;
import app.carepanel.intercom.IntercomClient.ContactWrite;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomException;
import app.carepanel.link.ContactLinks;
import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileService;
import app.carepanel.workspace.Workspace;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One contact's sync: a contact linked by hand gets its client's profile (by platform id); any other is read from
 * Intercom (following a merge), its email screened, and its profile fetched (the panel's cache unless the trigger
 * wants it fresh). Then: make sure the attributes exist, skip the write if nothing changed recently, write, and
 * take off the sync tag. Failures are thrown for the queue to decide.
 */
@ApplicationScoped
class ContactSync {

    private final IntercomClient intercom;
    private final EmailScreen emails;
    private final ProfileService profiles;
    private final ContactAttributes attributes;
    private final AttributeCatalog catalog;
    private final SyncConfig config;
    private final Clock clock;
    private final ContactLinks links;

    ContactSync(IntercomClient intercom, EmailScreen emails, ProfileService profiles, ContactAttributes attributes,
            AttributeCatalog catalog, SyncConfig config, Clock clock, ContactLinks links) {
        this.links = links;
        this.intercom = intercom;
        this.emails = emails;
        this.profiles = profiles;
        this.attributes = attributes;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What a sync did; for a write, the values written and their fingerprint; and the email it read from Intercom,
     * if it read the contact (a re-run soon after may use it instead of reading again).
     */
    record Result(SyncOutcome outcome, Map<String, Object> written, Optional<String> fingerprint, Optional<String> readEmail,
            Optional<Instant> dataAsOf) {

        Result(SyncOutcome outcome, Map<String, Object> written, Optional<String> fingerprint, Optional<String> readEmail) {
            this(outcome, written, fingerprint, readEmail, Optional.empty());
        }

        static Result of(SyncOutcome outcome) {
            return new Result(outcome, Map.of(), Optional.empty(), Optional.empty());
        }
    }

    /** Syncs the job's contact; {@code knownEmail} is its email when a trigger or a recent read gave it. */
    Result run(Workspace workspace, SyncJob job, Optional<String> knownEmail) {
        Optional<ContactLinks.Link> link = links.of(workspace.id(), job.contactId);
        if (link.isPresent()) {
            // Linked by hand: the contact is its client's, whatever its email says; no need to read it first.
            ClientProfile profile = profile(ProfileKey.ofClient(workspace.id(), link.get().clientId()), job);
            return write(workspace, job, job.contactId, profile, Optional.empty());
        }
        Optional<String> readEmail = Optional.empty();
        String contactId = job.contactId;
        String email;
        if (knownEmail.isPresent()) {
            email = knownEmail.get();
        } else {
            Optional<IntercomContact> found = contact(workspace, job.contactId);
            if (found.isEmpty()) {
                return Result.of(SyncOutcome.CONTACT_GONE);
            }
            contactId = found.get().id();
            email = found.get().email();
            readEmail = Optional.ofNullable(email).filter(e -> !e.isBlank());
        }
        if (!(emails.check(workspace.id(), email, List.of()) instanceof EmailCheck.Lookup lookup)) {
            finishTag(workspace, job);
            return new Result(SyncOutcome.NOT_LOOKED_UP, Map.of(), Optional.empty(), readEmail);
        }
        ClientProfile profile = profile(new ProfileKey(workspace.id(), lookup.email()), job);
        return write(workspace, job, contactId, profile, readEmail);
    }

    /**
     * The client data to write: this instance's copy, or a new fetch when the job asks for one or when the copy is
     * older than the data the contact was last written from (another instance fetched later), so that a run never
     * writes older data over newer, and a view of data as new as the last run's may rely on it.
     */
    private ClientProfile profile(ProfileKey key, SyncJob job) {
        ClientProfile profile = profiles.fetch(key, job.refetch);
        return job.usedDataNewerThan(profile.fetchedAt()) ? profiles.fetch(key, true) : profile;
    }

    /** Writes the profile's attributes to the contact, unless the same values were written recently. */
    private Result write(Workspace workspace, SyncJob job, String contactId, ClientProfile profile,
            Optional<String> readEmail) {
        Map<String, Object> values = attributes.of(workspace.id(), profile);
        Set<String> writable = catalog.writable(workspace, attributes.dataTypes(workspace.id()));
        Map<String, Object> toWrite = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (writable.contains(name)) {
                toWrite.put(name, value);
            }
        });
        String fingerprint = attributes.fingerprint(workspace.id(), toWrite);
        if (job.wroteAlikeSince(fingerprint, clock.instant().minus(config.unchangedSkipInterval()))) {
            finishTag(workspace, job);
            return new Result(SyncOutcome.UNCHANGED, toWrite, Optional.empty(), readEmail,
                    Optional.ofNullable(profile.fetchedAt()));
        }
        ContactWrite write = intercom.updateCustomAttributes(workspace, contactId, toWrite);
        if (write instanceof ContactWrite.Merged merged) {
            contactId = merged.canonicalId();
            write = intercom.updateCustomAttributes(workspace, contactId, toWrite);
        }
        if (write instanceof ContactWrite.NotFound || write instanceof ContactWrite.Merged) {
            return Result.of(SyncOutcome.CONTACT_GONE);
        }
        finishTag(workspace, job);
        return new Result(SyncOutcome.WRITTEN, toWrite, Optional.of(fingerprint), readEmail,
                Optional.ofNullable(profile.fetchedAt()));
    }

    /** The contact, following one merge to its canonical contact; empty when it is gone. */
    private Optional<IntercomContact> contact(Workspace workspace, String contactId) {
        ContactLookup lookup = intercom.getContact(workspace, contactId);
        if (lookup instanceof ContactLookup.Merged merged) {
            Log.debugf("Contact %s was merged into %s in workspace %s", contactId, merged.canonicalId(), workspace.id());
            lookup = intercom.getContact(workspace, merged.canonicalId());
        }
        return lookup instanceof ContactLookup.Found f ? Optional.of(f.contact()) : Optional.empty();
    }

    /**
     * Takes off every sync tag waiting for this contact (several conversations may have been tagged) and forgets
     * each one removed; one tagged while this ran is left for the run it asked for.
     */
    private void finishTag(Workspace workspace, SyncJob job) {
        List<PendingTagRemoval> pending = QuarkusTransaction.requiringNew()
                .call(() -> PendingTagRemoval.of(workspace.id(), job.contactId));
        for (PendingTagRemoval removal : pending) {
            TagRemoval tag = removal.removal();
            String admin = tag.adminId() != null ? tag.adminId() : config.tagAdminId().orElse(null);
            if (admin == null) {
                Log.warnf("Tag %s stays on conversation %s in workspace %s: no admin to remove it as (set SYNC_TAG_ADMIN_ID)",
                        tag.tagId(), tag.conversationId(), workspace.id());
            } else {
                try {
                    intercom.removeConversationTag(workspace, tag.conversationId(), tag.tagId(), admin);
                } catch (IntercomException.Rejected e) {
                    Log.warnf("Tag %s could not be removed from conversation %s: %s", tag.tagId(),
                            tag.conversationId(), e.getMessage());
                }
            }
            QuarkusTransaction.requiringNew().run(() -> PendingTagRemoval.deleteById(removal.id));
        }
    }
}
