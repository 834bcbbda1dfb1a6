package app.carepanel.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Keeps the last successful profile per (workspace, email) so that it can be shown while the platform is down. */
@ApplicationScoped
public class SnapshotStore {

    private final ObjectMapper json;

    SnapshotStore(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(ProfileKey key, ClientProfile profile) {
        String body;
        try {
            body = json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be written as JSON", e);
        }
        ProfileSnapshot snapshot = ProfileSnapshot.findByKey(key).orElseGet(ProfileSnapshot::new);
        if (snapshot.fetchedAt != null && snapshot.fetchedAt.isAfter(profile.fetchedAt())) {
            return;
        }
        snapshot.workspaceId = key.workspaceId();
        snapshot.emailDigest = key.emailDigest();
        snapshot.fetchedAt = profile.fetchedAt();
        snapshot.profileJson = body;
        snapshot.persistAndFlush();
    }

    @Transactional
    public Optional<ClientProfile> find(ProfileKey key) {
        return ProfileSnapshot.findByKey(key).flatMap(snapshot -> {
            try {
                return Optional.of(json.readValue(snapshot.profileJson, ClientProfile.class));
            } catch (JsonProcessingException e) {
                Log.warnf("Snapshot %d could not be read back (%s); ignoring it", snapshot.id, e.getClass().getSimpleName());
                return Optional.empty();
            }
        });
    }
}
