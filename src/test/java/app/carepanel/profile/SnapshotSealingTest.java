package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
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

/**
 * Snapshots are stored compressed, then sealed, as bytes; those stored before as text (compressed and marked, or
 * sealed plain JSON) are still read.
 */
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
        assertThat(row.profileSealed).isNull();
        assertThat(row.profileBinary.length).isLessThan(plainlySealed.length() / 2);
        assertThat(snapshots.find(key)).contains(profile);
    }

    @Test
    void readsASnapshotStoredCompressedAsTextAndWritesItAsBytesWhenSavedAgain() throws Exception {
        ProfileKey key = new ProfileKey(workspace, "text@example.com");
        ClientProfile profile = fullProfile();
        QuarkusTransaction.requiringNew().run(() -> {
            ProfileSnapshot row = new ProfileSnapshot();
            row.workspaceId = key.workspaceId();
            row.emailDigest = encryption.digest(key.digestInput());
            row.fetchedAt = profile.fetchedAt();
            row.profileSealed = asText(sealing.seal(write(profile), row.context()));
            row.persist();
        });
        assertThat(snapshots.find(key)).contains(profile);

        ClientProfile newer = new ClientProfile(profile.fetchedAt().plusSeconds(60), profile.accounts(),
                profile.attributes(), profile.companions());
        snapshots.save(key, newer);
        snapshots.flush();

        ProfileSnapshot row = storedRow(key);
        assertThat(row.profileSealed).isNull();
        assertThat(row.profileBinary).isNotEmpty();
        assertThat(snapshots.find(key)).contains(newer);
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
    void refusesACompressedSnapshotInTextWhoseMarkWasTakenOff() {
        String marked = asText(sealing.seal("{\"name\":\"Ada\"}", "profile_snapshot/w/d"));

        assertThat(sealing.open(null, marked, "profile_snapshot/w/d")).isEqualTo("{\"name\":\"Ada\"}");
        String unmarked = marked.substring(SnapshotSealing.DEFLATED.length());
        assertThatThrownBy(() -> sealing.open(null, unmarked, "profile_snapshot/w/d"))
                .isInstanceOf(Encryption.Unreadable.class);
    }

    @Test
    void refusesBytesSealedForAnotherSnapshot() {
        byte[] sealed = sealing.seal("{\"name\":\"Ada\"}", "profile_snapshot/w/d");

        assertThat(sealing.open(sealed, null, "profile_snapshot/w/d")).isEqualTo("{\"name\":\"Ada\"}");
        assertThatThrownBy(() -> sealing.open(sealed, null, "profile_snapshot/w/other"))
                .isInstanceOf(Encryption.Unreadable.class);
    }

    /** The text form of schema versions 9 to 11: the mark, then the same sealed bytes in base64. */
    private static String asText(byte[] sealed) {
        return SnapshotSealing.DEFLATED + Base64.getEncoder().encodeToString(sealed);
    }

    private String write(ClientProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
