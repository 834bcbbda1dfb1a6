package app.carepanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.sync.SyncJob;
import app.carepanel.sync.SyncTrigger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Health data at rest: after a client is viewed, synced and messaged, a plain scan of the database files (what
 * {@code strings} would show) finds no email, name, phone number, therapist or token. On an H2 file of its own;
 * PostgreSQL's files are not the app's to read.
 */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
@TestProfile(DataAtRestTest.OnAFile.class)
@DisabledIfEnvironmentVariable(named = "CARE_PANEL_TEST_DB", matches = "postgresql")
class DataAtRestTest extends AppTest {

    /** An Instance: a PostgreSQL build has no such bean (and does not run this class). */
    @Inject
    Instance<H2Compaction> compaction;

    static final Path DIRECTORY = Path.of("target", "data-at-rest");

    public static class OnAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (Files.exists(DIRECTORY)) {
                    try (Stream<Path> files = Files.walk(DIRECTORY)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:./" + DIRECTORY + "/care-panel;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        }
    }

    @BeforeEach
    void stubs() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, "c-sami", "sami@example.com");
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
    }

    @Test
    void keepsNoClientDataOrTokenReadableInTheDatabaseFiles() throws IOException {
        String oauthToken = "oauth-token-of-an-installed-workspace";
        OAuthDance.exchanges(intercom, "code-at-rest", oauthToken);
        OAuthDance.owns(intercom, oauthToken, "ws-oauth-at-rest", "US", true);
        assertThat(OAuthDance.install("code-at-rest").header("Location")).endsWith("install_success=true");
        Signed.canvas(CanvasPayloads.initialize("c-sami", "sami@example.com")).post("/canvas/initialize")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).hasSize(1));
        Signed.webhook(WebhookPayloads.clientReplied("n-at-rest", workspace, "conv-1", "c-sami"))
                .post("/webhooks/intercom").then().statusCode(200);

        byte[] files = databaseFiles();
        assertThat(files.length).as("the database files").isGreaterThan(0);
        for (String secret : List.of("sami@example.com", "Ruhsuf", "+14165550123", "(416) 555-0123",
                "Sarah Johnson", "Ruh Care", "SuperBill", "Jane Smith", IntercomStub.TOKEN, PlatformStub.TOKEN, oauthToken)) {
            assertThat(contains(files, secret.getBytes(StandardCharsets.UTF_8))).as("'%s' in UTF-8", secret).isFalse();
            assertThat(contains(files, secret.getBytes(StandardCharsets.UTF_16BE))).as("'%s' in UTF-16", secret).isFalse();
        }
    }

    @Test
    void compactsTheFileThatOneChunkPerCommitBloatsWhileCommitsGoOnAndAgainAfterALull() {
        long bloated = bloat(0, 400);
        // A commit before each step: the steps taken while commits go on, bounded.
        for (int i = 0; i < 30 && databaseFile().toFile().length() > bloated / 3; i++) {
            bloat(400 + i, 1);
            compaction.get().compact();
        }
        assertThat(databaseFile().toFile().length()).as("while commits go on, from %d bytes", bloated).isLessThan(bloated / 3);

        // Steps with nothing committed in between, until they gain nothing and wait for commits; then commits again.
        for (int i = 0; i < 10; i++) {
            compaction.get().compact();
        }
        long bloatedAgain = bloat(500, 400);
        for (int i = 0; i < 30 && databaseFile().toFile().length() > bloatedAgain / 3; i++) {
            compaction.get().compact();
        }

        assertThat(databaseFile().toFile().length()).as("after a lull, from %d bytes", bloatedAgain).isLessThan(bloatedAgain / 3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SyncJob.count("workspaceId = ?1 and contactId like 'c-churn-%'", workspace)))
                .as("every job kept").isGreaterThanOrEqualTo(801L);
    }

    /**
     * Queues {@code count} failed jobs (which no worker takes up), one transaction each: each commit writes a chunk
     * that keeps a little live data, as syncs and audit rows do. Returns the file's length after them.
     */
    private long bloat(int first, int count) {
        for (int i = first; i < first + count; i++) {
            String contact = "c-churn-" + i;
            QuarkusTransaction.requiringNew().run(() -> {
                SyncJob job = SyncJob.first(workspace, contact, SyncTrigger.MESSAGE, Instant.now());
                job.status = SyncJob.Status.FAILED;
                job.persist();
            });
        }
        return databaseFile().toFile().length();
    }

    private static Path databaseFile() {
        return DIRECTORY.resolve("care-panel.mv.db");
    }

    private static byte[] databaseFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
            return all.toByteArray();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
