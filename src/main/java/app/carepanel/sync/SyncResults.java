package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * The last result of each contact's sync on this instance, for a caller that waits for its write
 * ({@code ?wait=true}); kept briefly in the {@code sync-results} cache, never stored, and only for contacts a
 * caller waits for: every result was kept before, and after bursts of views the results of 7,000 syncs (what each
 * wrote) held 14 MB of the 128 MB heap for their five minutes (bench/heap.sh).
 */
@ApplicationScoped
class SyncResults {

    private final CaffeineCache results;
    private final Clock clock;
    /** How many callers wait for each contact now. */
    private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

    SyncResults(@CacheName("sync-results") Cache results, Clock clock) {
        this.results = results.as(CaffeineCache.class);
        this.clock = clock;
    }

    /** A sync's result and when this instance recorded it. */
    record Recorded(ContactSync.Result result, Instant at) {
    }

    /** A caller waits for this contact's next result: until {@link #waited}, the results of its syncs are kept. */
    void awaited(String workspaceId, String contactId) {
        waiting.merge(key(workspaceId, contactId), 1, Integer::sum);
    }

    /** One caller no longer waits for the contact. */
    void waited(String workspaceId, String contactId) {
        waiting.computeIfPresent(key(workspaceId, contactId), (key, callers) -> callers == 1 ? null : callers - 1);
    }

    void record(String workspaceId, String contactId, ContactSync.Result result) {
        if (!waiting.containsKey(key(workspaceId, contactId))) {
            return;
        }
        results.put(key(workspaceId, contactId), CompletableFuture.completedFuture(new Recorded(result, clock.instant())));
    }

    /**
     * The result this instance recorded for the contact at or after {@code since}; empty when it recorded none
     * since then (another instance did the sync), so that an older result is never passed off as this one.
     */
    Optional<ContactSync.Result> since(String workspaceId, String contactId, Instant since) {
        CompletableFuture<Recorded> found = results.getIfPresent(key(workspaceId, contactId));
        return Optional.ofNullable(found == null ? null : found.getNow(null))
                .filter(recorded -> !recorded.at().isBefore(since))
                .map(Recorded::result);
    }

    private static String key(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }
}
