package app.carepanel.sync;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * Emails the app has just seen for a contact (in a signed panel request, or in Intercom's search answer), kept
 * briefly in memory ({@code contact-emails} cache) so that the sync that follows need not read the contact back
 * from Intercom: one REST call less per sync. Never stored; after a restart the contact is read as usual.
 */
@ApplicationScoped
class ContactEmails {

    private final CaffeineCache emails;

    ContactEmails(@CacheName("contact-emails") Cache emails) {
        this.emails = emails.as(CaffeineCache.class);
    }

    void seen(String workspaceId, String contactId, String email) {
        emails.put(key(workspaceId, contactId), CompletableFuture.completedFuture(email));
    }

    /** The email seen for the contact, and forgets it: a later sync reads the contact afresh. */
    Optional<String> take(String workspaceId, String contactId) {
        String key = key(workspaceId, contactId);
        CompletableFuture<String> found = emails.getIfPresent(key);
        if (found == null) {
            return Optional.empty();
        }
        emails.invalidate(key).await().indefinitely();
        return Optional.ofNullable(found.getNow(null));
    }

    private static String key(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }
}
