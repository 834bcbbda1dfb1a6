package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A snapshot's save returns before its row is committed, and is found all the same, then and after. */
@QuarkusTest
class SnapshotSavesTest extends AppTest {

    @Inject
    SnapshotStore snapshots;

    @Inject
    MeterRegistry metrics;

    private static ClientProfile profile(String name, Instant fetchedAt) {
        return new ClientProfile(fetchedAt, List.of(), Map.of(Attribute.NAME, name), TypedCompanions.none());
    }

    private long rows(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> ProfileSnapshot.count("workspaceId", workspaceId));
    }

    private double itemsThroughBatches() {
        return metrics.get("care_panel.snapshot.batch.items").summary().totalAmount();
    }

    @Test
    void findsASavedProfileAtOnceAndAfterItsRowIsCommitted() {
        ProfileKey key = new ProfileKey(workspace, "ada@example.com");

        snapshots.save(key, profile("Ada", Instant.now()));

        assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Ada");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(workspace) == 1);
        snapshots.flush();
        assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Ada");
    }

    @Test
    void keepsTheNewerOfTwoSavesOfOneClient() {
        ProfileKey key = new ProfileKey(workspace, "ada@example.com");
        Instant now = Instant.now();

        snapshots.save(key, profile("Newer", now));
        snapshots.save(key, profile("Older", now.minusSeconds(60)));
        snapshots.flush();

        assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Newer");
        assertThat(rows(workspace)).isEqualTo(1);
    }

    @Test
    void replacesAStoredCopyWithTheNewestSaveOfABurst() {
        ProfileKey key = new ProfileKey(workspace, "ada@example.com");
        Instant now = Instant.now();
        snapshots.save(key, profile("Stored", now.minusSeconds(120)));
        snapshots.flush();

        snapshots.save(key, profile("Older", now.minusSeconds(60)));
        IntStream.range(0, 20).forEach(n ->
                snapshots.save(new ProfileKey(workspace, "client" + n + "@example.com"), profile("C" + n, now)));
        snapshots.save(key, profile("Newest", now));
        snapshots.flush();

        assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Newest");
        assertThat(snapshots.find(new ProfileKey(workspace, "client19@example.com")))
                .map(found -> found.attributes().get(Attribute.NAME)).contains("C19");
        assertThat(rows(workspace)).isEqualTo(21);
    }

    @Test
    void findsTheCommittedProfileRatherThanAnOlderOneStillWaiting() {
        ProfileKey key = new ProfileKey(workspace, "ada@example.com");
        Instant now = Instant.now();
        snapshots.save(key, profile("Newer", now));
        snapshots.flush();

        // Each older save may be found while it waits for the writer, or after the writer has skipped it.
        for (int n = 1; n <= 50; n++) {
            snapshots.save(key, profile("Older", now.minusSeconds(n)));
            assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Newer");
        }
        snapshots.flush();
        assertThat(snapshots.find(key)).map(found -> found.attributes().get(Attribute.NAME)).contains("Newer");
    }

    @Test
    void commitsEverySaveOfABurst() {
        double before = itemsThroughBatches();

        IntStream.range(0, 100).parallel().forEach(n ->
                snapshots.save(new ProfileKey(workspace, "client" + n + "@example.com"), profile("C" + n, Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(workspace) == 100);
        assertThat(itemsThroughBatches() - before).isGreaterThanOrEqualTo(100);
    }

    @Test
    void deletingAWorkspaceLeavesNoneOfTheSavesHandedInBefore() {
        IntStream.range(0, 50).forEach(n ->
                snapshots.save(new ProfileKey(workspace, "client" + n + "@example.com"), profile("C" + n, Instant.now())));

        QuarkusTransaction.requiringNew().run(() -> snapshots.deleteWorkspace(workspace));

        snapshots.flush();
        assertThat(rows(workspace)).isZero();
        assertThat(snapshots.find(new ProfileKey(workspace, "client49@example.com"))).isEmpty();
    }
}
