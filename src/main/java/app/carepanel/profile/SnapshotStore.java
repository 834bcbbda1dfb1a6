package app.carepanel.profile;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Encryption;
import io.quarkus.logging.Log;

/**
 * Keeps the last successful profile per (workspace, email) so that it can be shown while the platform is down:
 * what the panel would draw of it (at most ten accounts, values cut as the panel cuts them, so a 1 MB name cannot
 * make it too big to keep), encrypted with the data key, under a keyed digest of the email. A snapshot written
 * under a previous data key is still found and read, and is written under the current key the next time.
 */
@ApplicationScoped
public class SnapshotStore {

    /** The largest snapshot kept, as JSON; shorter value cuts follow until it fits. */
    static final int MOST_BYTES = 64 * 1024;
    private static final List<Integer> VALUE_LIMITS = List.of(ClientProfile.LONGEST_VALUE_SHOWN, 250, 60);

    private final ObjectMapper json;
    private final Encryption encryption;

    SnapshotStore(ObjectMapper json, Encryption encryption) {
        this.json = json;
        this.encryption = encryption;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(ProfileKey key, ClientProfile profile) {
        List<String> digests = encryption.digests(key.digestInput());
        String current = digests.get(0);
        ProfileSnapshot snapshot = ProfileSnapshot.find(key.workspaceId(), current).orElseGet(ProfileSnapshot::new);
        if (snapshot.fetchedAt != null && snapshot.fetchedAt.isAfter(profile.fetchedAt())) {
            return;
        }
        // A copy under a previous key's digest is replaced by this one.
        digests.stream().skip(1).forEach(old -> ProfileSnapshot.delete("workspaceId = ?1 and emailDigest = ?2",
                key.workspaceId(), old));
        snapshot.workspaceId = key.workspaceId();
        snapshot.emailDigest = current;
        snapshot.fetchedAt = profile.fetchedAt();
        snapshot.profileSealed = encryption.seal(bounded(profile), snapshot.context());
        snapshot.persistAndFlush();
    }

    /** Deletes every snapshot of the workspace (it uninstalled the app); the count deleted. */
    @Transactional
    public long deleteWorkspace(String workspaceId) {
        return ProfileSnapshot.delete("workspaceId", workspaceId);
    }

    @Transactional
    public Optional<ClientProfile> find(ProfileKey key) {
        for (String digest : encryption.digests(key.digestInput())) {
            Optional<ProfileSnapshot> found = ProfileSnapshot.find(key.workspaceId(), digest);
            if (found.isPresent()) {
                return read(found.get());
            }
        }
        return Optional.empty();
    }

    private Optional<ClientProfile> read(ProfileSnapshot snapshot) {
        try {
            return Optional.of(json.readValue(encryption.open(snapshot.profileSealed, snapshot.context()), ClientProfile.class));
        } catch (JsonProcessingException | Encryption.Unreadable e) {
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
