package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.DeflaterOutputStream;

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

    /** A row as versions before schema 12 stored it: the text {@code sealed} makes of the row's context. */
    private void storeAsText(ProfileKey key, Instant fetchedAt, Function<String, String> sealed) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProfileSnapshot row = new ProfileSnapshot();
            row.workspaceId = key.workspaceId();
            row.emailDigest = encryption.digest(key.digestInput());
            row.fetchedAt = fetchedAt;
            row.profileSealed = sealed.apply(row.context());
            row.persist();
        });
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
        storeAsText(key, profile.fetchedAt(), context -> compressedText(write(profile), context));
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
        storeAsText(key, profile.fetchedAt(), context -> encryption.seal(write(profile), context));

        assertThat(snapshots.find(key)).contains(profile);
    }

    @Test
    void refusesACompressedSnapshotInTextWhoseMarkWasTakenOff() {
        String marked = compressedText("{\"name\":\"Ada\"}", "profile_snapshot/w/d");

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

    @Test
    void compressesABenchClientsSnapshotToUnderAQuarterOfItsJson() {
        String snapshot = "{\"fetchedAt\":\"2026-12-01T10:43:12.123456Z\",\"accounts\":[{\"clientId\":4719854,\"values\":"
                + BENCH_VALUES + "}],\"attributes\":" + BENCH_VALUES + ",\"companions\":{\"platformAccountExists\":true,"
                + "\"nextAppointmentAt\":null,\"lastAppointmentAt\":1765825200000,\"clientSinceAt\":1729555200000,"
                + "\"unpaidBalance\":150.00,\"sessionsCount\":1},\"accountsLeftOut\":0}";

        byte[] sealed = sealing.seal(snapshot, "profile_snapshot/w/d");

        assertThat(sealed.length).isLessThan(snapshot.length() / 4);
        assertThat(sealing.open(sealed, null, "profile_snapshot/w/d")).isEqualTo(snapshot);
    }

    @Test
    void refusesASnapshotWhoseCompressedDataIsCutShortOrGoesOn() {
        byte[] deflated = deflatedPlainly("{\"name\":\"Ada\"}");
        byte[] cut = Arrays.copyOf(deflated, deflated.length - 4);
        byte[] longer = Arrays.copyOf(deflated, deflated.length + 4);
        String context = "profile_snapshot/w/d";

        assertThatThrownBy(() -> sealing.open(encryption.sealBinary(cut, context + "/deflated"), null, context))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> sealing.open(encryption.sealBinary(longer, context + "/deflated"), null, context))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> sealing.open(null, null, context)).isInstanceOf(UncheckedIOException.class);
    }

    private static final String BENCH_VALUES = "{\"PLATFORM_ACCOUNT_EXISTS\":\"Yes\",\"CLIENT_ID\":\"4719854\","
            + "\"NAME\":\"Bench Client\",\"PHONE_NUMBER\":\"+14165550123\",\"CLIENT_PROFILE_LINK\":"
            + "\"https://app.ruhcare.com/users/4719854/overview\",\"CLIENT_STATUS\":\"Active\",\"TIME_ZONE\":"
            + "\"America/Toronto (EST)\",\"CLIENT_SINCE\":\"Oct 22, 2024 - 11:00 a.m. EDT\",\"THERAPIST_NAME\":"
            + "\"Dr. Sarah Johnson\",\"TAGS\":\"-\",\"GROUP\":\"-\",\"UNPAID_INVOICES\":\"Yes, CAD$150 due\","
            + "\"CARD_ON_FILE\":\"Yes\",\"NUMBER_OF_SESSIONS\":\"1 session\",\"LAST_APPOINTMENT\":"
            + "\"Dec 15, 2025 - 2:00 p.m. EST\",\"NEXT_APPOINTMENT\":\"No Appointments\",\"INTAKE_FORMS_COMPLETED\":"
            + "\"Yes\",\"SUB_ORG\":\"Ruh Care Inc\",\"MULTIPLE_ACCOUNTS\":\"No\",\"LINKED_ACCOUNTS\":\"-\","
            + "\"USER_DATA_UPDATED_ON\":\"Dec 1, 2026 - 5:43 a.m. EST\"}";

    /**
     * The text form of schema versions 9 to 11, written as those versions did: Deflate without a dictionary, sealed
     * under the snapshot's context and "/deflated", base64, after the mark.
     */
    private String compressedText(String json, String context) {
        return SnapshotSealing.DEFLATED + encryption.seal(deflatedPlainly(json), context + "/deflated");
    }

    private static byte[] deflatedPlainly(String json) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(deflated)) {
            deflating.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deflated.toByteArray();
    }

    private String write(ClientProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
