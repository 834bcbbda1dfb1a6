package app.carepanel.profile;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Causes;
import app.carepanel.base.Encryption;
import app.carepanel.base.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the last successful profile per (workspace, email) so that it can be shown while the platform is down:
 * what the panel would draw of it (at most ten accounts, values cut as the panel cuts them, so a 1 MB name cannot
 * make it too big to keep), encrypted with the data key, under a keyed digest of the email. A snapshot written
 * under a previous data key is still found and read, and is written under the current key the next time.
 *
 * <p>Saving does not wait for the database: a snapshot writer thread commits the saves handed in at the same
 * moment in one transaction ({@link GroupCommit}), and until then the profile is found here in memory. A crash
 * may therefore lose the saves of the last moment before it; the next lookup of those clients stores them again.
 * Snapshots are the fallback for a platform outage, so this trades nothing a person sees for a commit less on
 * every cold view and every sync.
 */
@ApplicationScoped
public class SnapshotStore {

    /** The largest snapshot kept, as JSON; shorter value cuts follow until it fits. */
    static final int MOST_BYTES = 64 * 1024;
    private static final List<Integer> VALUE_LIMITS = List.of(ClientProfile.LONGEST_VALUE_SHOWN, 250, 60);

    /** The most saves one transaction takes. */
    private static final int MOST_PER_BATCH = 64;
    /** Saves waiting for the writer past which a caller writes its own (the writer has fallen behind). */
    static final int MOST_WAITING = 1_000;
    private static final long STOP_WAIT_SECONDS = 10;

    /** A snapshot to store: the profile as kept, JSON of at most {@link #MOST_BYTES}. */
    private record Save(ProfileKey key, Instant fetchedAt, String body) {
    }

    /** A save with the email's digests under the data keys, the current key's first. */
    private record Keyed(Save save, List<String> digests) {
        String workspaceId() {
            return save.key().workspaceId();
        }

        /** The digest under the current data key, which the copy is stored under. */
        String current() {
            return digests.get(0);
        }
    }

    private final ObjectMapper json;
    private final Encryption encryption;
    private final SnapshotSealing sealing;
    private final GroupCommit<Save> saves;
    /** Saves handed to the writer and not yet committed, the newest per key. */
    private final Map<ProfileKey, Save> unwritten = new ConcurrentHashMap<>();

    SnapshotStore(ObjectMapper json, Encryption encryption, SnapshotSealing sealing, MeterRegistry metrics) {
        this.json = json;
        this.encryption = encryption;
        this.sealing = sealing;
        // A batch refused because another instance stored one of its keys first is written again save by save,
        // and that save then finds the other instance's copy (and replaces it unless it is newer).
        this.saves = new GroupCommit<>("snapshot", MOST_PER_BATCH, this::writeAll,
                GroupCommit::oneItemsFault, metrics, "Snapshots committed in one transaction");
    }

    void start(@Observes StartupEvent started) {
        saves.start();
    }

    /** Takes no more saves, then lets the writer commit the ones handed in. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        saves.stop(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
    }

    /** Keeps the profile as the key's last known one; returns at once, and the writer commits it shortly after. */
    public void save(ProfileKey key, ClientProfile profile) {
        Save save = new Save(key, profile.fetchedAt(), bounded(profile));
        if (saves.waiting() >= MOST_WAITING) {
            QuarkusTransaction.requiringNew().run(() -> writeAll(List.of(save)));
            return;
        }
        unwritten.merge(key, save, (kept, given) -> kept.fetchedAt().isAfter(given.fetchedAt()) ? kept : given);
        saves.handIn(save).whenComplete((done, failure) -> {
            unwritten.remove(key, save);
            if (failure != null) {
                Log.warnf("The last-known copy could not be stored in workspace %s: %s", key.workspaceId(),
                        Causes.rootName(failure));
            }
        });
    }

    /** Returns once every save handed in so far has been committed (or has failed); false if that took too long. */
    public boolean flush() {
        return saves.flush(STOP_WAIT_SECONDS);
    }

    /**
     * Writes a batch of saves. The copies already stored under their keys' current digests are read in one query
     * per workspace: read one by one, each lookup first had Hibernate check every snapshot the batch had already
     * written, and lookups were half of the snapshot writer's samples under cold views at 64 connections (JFR).
     */
    private void writeAll(List<Save> batch) {
        List<Keyed> keyed = batch.stream().map(save -> new Keyed(save, encryption.digests(save.key().digestInput())))
                .toList();
        Map<List<String>, ProfileSnapshot> stored = new HashMap<>();
        keyed.stream().collect(Collectors.groupingBy(Keyed::workspaceId, Collectors.mapping(Keyed::current,
                Collectors.toSet()))).forEach((workspaceId, digests) -> ProfileSnapshot.stored(workspaceId, digests)
                        .forEach(snapshot -> stored.put(List.of(workspaceId, snapshot.emailDigest), snapshot)));
        keyed.forEach(one -> write(one, stored.computeIfAbsent(List.of(one.workspaceId(), one.current()),
                absent -> new ProfileSnapshot())));
    }

    private void write(Keyed keyed, ProfileSnapshot snapshot) {
        Save save = keyed.save();
        if (snapshot.fetchedAt != null && snapshot.fetchedAt.isAfter(save.fetchedAt())) {
            return;
        }
        ProfileKey key = save.key();
        // A copy under a previous key's digest is replaced by this one.
        keyed.digests().stream().skip(1).forEach(old -> ProfileSnapshot.delete("workspaceId = ?1 and emailDigest = ?2",
                key.workspaceId(), old));
        snapshot.workspaceId = key.workspaceId();
        snapshot.emailDigest = keyed.current();
        snapshot.fetchedAt = save.fetchedAt();
        snapshot.profileBinary = sealing.seal(save.body(), snapshot.context());
        snapshot.profileSealed = null;
        snapshot.persist();
    }

    /**
     * Deletes every snapshot of the workspace (it uninstalled the app), after the saves already handed in, so that
     * none of them is written after the delete (it fails rather than leave one behind); the count deleted.
     */
    @Transactional
    public long deleteWorkspace(String workspaceId) {
        if (!flush()) {
            throw new IllegalStateException("snapshots handed in before the delete are still being written");
        }
        unwritten.keySet().removeIf(key -> key.workspaceId().equals(workspaceId));
        return ProfileSnapshot.delete("workspaceId", workspaceId);
    }

    /**
     * The key's last known profile: the newer of the stored one and one still waiting for the writer. Both are
     * read because a save may wait here while a newer one is already committed (the writer will skip it).
     */
    @Transactional
    public Optional<ClientProfile> find(ProfileKey key) {
        // In this order: a save leaves this map only once committed, so it is then in the table.
        Save pending = unwritten.get(key);
        Optional<ClientProfile> stored = stored(key);
        if (pending == null || stored.filter(kept -> !kept.fetchedAt().isBefore(pending.fetchedAt())).isPresent()) {
            return stored;
        }
        return Optional.of(readBack(pending.body()));
    }

    private Optional<ClientProfile> stored(ProfileKey key) {
        for (String digest : encryption.digests(key.digestInput())) {
            Optional<ProfileSnapshot> found = ProfileSnapshot.find(key.workspaceId(), digest);
            if (found.isPresent()) {
                return read(found.get());
            }
        }
        return Optional.empty();
    }

    private ClientProfile readBack(String body) {
        try {
            return json.readValue(body, ClientProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile written as JSON could not be read back", e);
        }
    }

    private Optional<ClientProfile> read(ProfileSnapshot snapshot) {
        try {
            String body = sealing.open(snapshot.profileBinary, snapshot.profileSealed, snapshot.context());
            return Optional.of(json.readValue(body, ClientProfile.class));
        } catch (JsonProcessingException | Encryption.Unreadable | UncheckedIOException e) {
            Log.warnf("Snapshot %d could not be read back (%s); ignoring it", snapshot.id, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private String bounded(ClientProfile profile) {
        String body = null;
        for (int limit : VALUE_LIMITS) {
            body = write(profile.bounded(limit, ClientProfile.MOST_ACCOUNTS_SHOWN));
            if (body.length() <= MOST_BYTES) {
                break;
            }
        }
        return body;
    }

    private String write(ClientProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be written as JSON", e);
        }
    }
}
