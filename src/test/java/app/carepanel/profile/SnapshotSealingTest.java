package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Encryption;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Snapshots are stored compressed, then sealed; those stored sealed as plain JSON before are still read. */
@QuarkusTest
class SnapshotSealingTest extends AppTest {

    @Inject
    SnapshotSealing sealing;

    @Inject
    SnapshotStore snapshots;

    @Inject
    Encryption encryption;

    @Inject
    ObjectMapper json;

    /** A client with a value for every attribute, on two accounts. */
    private static ClientProfile fullProfile() {
        Map<Attribute, String> values = Arrays.stream(Attribute.values())
                .collect(Collectors.toMap(Function.identity(), attribute -> attribute.name().toLowerCase() + " of client 6100007"));
        return new ClientProfile(Instant.now().truncatedTo(ChronoUnit.MICROS),
                List.of(new AccountValues(6100007, values), new AccountValues(6100008, values)), values,
                TypedCompanions.none());
    }

    private ProfileSnapshot storedRow(ProfileKey key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ProfileSnapshot.find(key.workspaceId(), encryption.digest(key.digestInput())).orElseThrow());
    }

    @Test
    void storesASnapshotInLessThanHalfTheSpaceOfItsJsonSealedPlainly() throws Exception {
        ProfileKey key = new ProfileKey(workspace, "full@example.com");
        ClientProfile profile = fullProfile();

        snapshots.save(key, profile);
        snapshots.flush();

        ProfileSnapshot row = storedRow(key);
        String plainlySealed = encryption.seal(json.writeValueAsString(profile), row.context());
        assertThat(row.profileSealed).startsWith(SnapshotSealing.DEFLATED);
        assertThat(row.profileSealed.length()).isLessThan(plainlySealed.length() / 2);
        assertThat(snapshots.find(key)).contains(profile);
    }

    @Test
    void readsASnapshotStoredAsSealedJsonBeforeCompression() throws Exception {
        ProfileKey key = new ProfileKey(workspace, "older@example.com");
        ClientProfile profile = fullProfile();
        QuarkusTransaction.requiringNew().run(() -> {
            ProfileSnapshot row = new ProfileSnapshot();
            row.workspaceId = key.workspaceId();
            row.emailDigest = encryption.digest(key.digestInput());
            row.fetchedAt = profile.fetchedAt();
            row.profileSealed = encryption.seal(write(profile), row.context());
            row.persist();
        });

        assertThat(snapshots.find(key)).contains(profile);
    }

    @Test
    void refusesACompressedSnapshotWhoseMarkWasTakenOff() {
        String sealed = sealing.seal("{\"name\":\"Ada\"}", "profile_snapshot/w/d");

        assertThat(sealing.open(sealed, "profile_snapshot/w/d")).isEqualTo("{\"name\":\"Ada\"}");
        String unmarked = sealed.substring(SnapshotSealing.DEFLATED.length());
        assertThatThrownBy(() -> sealing.open(unmarked, "profile_snapshot/w/d")).isInstanceOf(Encryption.Unreadable.class);
    }

    private String write(ClientProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
