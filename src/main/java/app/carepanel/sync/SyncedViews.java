package app.carepanel.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * Views whose client data the contact's attributes already hold, with the email they used, remembered for a minute
 * ({@code synced-views} cache): a repeat of such a view queues nothing and needs no database read to know it. New
 * data (a fetch after the profile cache's lifetime, a Refresh, a settings change) has a newer time, so it is
 * always asked of the queue.
 */
@ApplicationScoped
class SyncedViews {

    private record Shown(Instant dataAsOf, String email) {
    }

    private final CaffeineCache cache;

    SyncedViews(@CacheName("synced-views") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** True when the queue said, less than a minute ago, that this contact's attributes hold what the view showed. */
    boolean hold(SyncRequest request) {
        Optional<Shown> shown = shown(request);
        if (shown.isEmpty()) {
            return false;
        }
        CompletableFuture<Object> known = cache.getIfPresent(key(request));
        return known != null && shown.get().equals(known.getNow(null));
    }

    /** The queue found the contact's attributes hold the data the view showed, under the email it used. */
    void remember(SyncRequest request) {
        shown(request).ifPresent(shown -> cache.put(key(request), CompletableFuture.completedFuture(shown)));
    }

    /** The workspace's jobs were deleted (it uninstalled the app): nothing it remembered of them holds. */
    void forgetWorkspace(String workspaceId) {
        cache.invalidateIf(key -> key.toString().startsWith(workspaceId + "\n")).await().indefinitely();
    }

    private static Optional<Shown> shown(SyncRequest request) {
        return request.shownDataAsOf().flatMap(at -> request.email().map(email -> new Shown(at, email)));
    }

    private static String key(SyncRequest request) {
        return request.workspaceId() + "\n" + request.contactId();
    }
}
