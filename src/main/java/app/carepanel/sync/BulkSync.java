package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.profile.ClientProfile;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What a walk over a whole workspace's contacts (the backfill) needs of the sync: whether a sync would write a
 * profile's values to a contact or skip them as unchanged, decided as {@link ContactSync} decides it but without
 * calling Intercom; and how many of the workspace's syncs are due, so that the walk queues no faster than the
 * workers write.
 */
@ApplicationScoped
public class BulkSync {

    /** What the sync would do with the values. */
    public enum Forecast {
        WOULD_WRITE, UNCHANGED
    }

    private final SyncJobs jobs;
    private final ContactAttributes attributes;
    private final Cache checkedAttributes;
    private final SyncConfig config;
    private final Clock clock;

    BulkSync(SyncJobs jobs, ContactAttributes attributes, @CacheName("workspace-attributes") Cache checkedAttributes,
            SyncConfig config, Clock clock) {
        this.jobs = jobs;
        this.attributes = attributes;
        this.checkedAttributes = checkedAttributes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@link Forecast#UNCHANGED} when the contact's job wrote these very values (fetch time aside) within
     * {@code SYNC_UNCHANGED_SKIP_INTERVAL}, as the sync's skip says. The values are those the workspace can take
     * when its attribute check is known here; otherwise all of them (the check is not made: it may create
     * attributes), which can only make the forecast say "would write" where the sync would skip.
     */
    public Forecast forecast(String workspaceId, String contactId, ClientProfile profile) {
        Map<String, Object> values = attributes.of(workspaceId, profile);
        Optional<Set<String>> writable = knownWritable(workspaceId);
        Map<String, Object> toWrite = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (writable.map(names -> names.contains(name)).orElse(true)) {
                toWrite.put(name, value);
            }
        });
        String fingerprint = attributes.fingerprint(workspaceId, toWrite);
        Instant since = clock.instant().minus(config.unchangedSkipInterval());
        boolean unchanged = QuarkusTransaction.requiringNew().call(() -> jobs.of(workspaceId, contactId)
                .map(job -> job.wroteAlikeSince(fingerprint, since)).orElse(false));
        return unchanged ? Forecast.UNCHANGED : Forecast.WOULD_WRITE;
    }

    /** The workspace's syncs waiting to run now (not those in a backoff or waiting for a token). */
    public long due(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.count("workspaceId = ?1 and status = ?2 and nextAttemptAt <= ?3",
                workspaceId, SyncJob.Status.PENDING, clock.instant()));
    }

    @SuppressWarnings("unchecked")
    private Optional<Set<String>> knownWritable(String workspaceId) {
        CompletableFuture<Object> known = checkedAttributes.as(CaffeineCache.class).getIfPresent(workspaceId);
        if (known == null || !known.isDone() || known.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Object names = known.getNow(null);
        return names instanceof Set<?> set ? Optional.of((Set<String>) set) : Optional.empty();
    }
}
