package app.carepanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** The group commit's promises to its callers, with a writer whose batches the test holds and lets go. */
@QuarkusTest
class GroupCommitTest extends AppTest {

    private final CountDownLatch letGo = new CountDownLatch(1);
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<String> undone = new CopyOnWriteArrayList<>();
    private GroupCommit<String> commits;

    /** A group commit whose writer holds any batch with "held" in it until the test lets go; "refused" fails. */
    private GroupCommit<String> started() {
        Consumer<List<String>> write = batch -> {
            batches.add(batch);
            if (batch.contains("held")) {
                awaitLetGo();
            }
            if (batch.contains("refused")) {
                throw new IllegalArgumentException("refused");
            }
        };
        commits = new GroupCommit<>("test", 64, write, IllegalArgumentException.class::isInstance,
                new SimpleMeterRegistry(), "test batches");
        commits.whenCommittedUnawaited(undone::add);
        commits.start();
        return commits;
    }

    private void awaitLetGo() {
        try {
            letGo.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stopWriter() throws InterruptedException {
        letGo.countDown();
        if (commits != null) {
            commits.stop(5_000);
        }
    }

    @Test
    void commitsItemsHandedInWhileTheWriterIsBusyInOneTransaction() {
        GroupCommit<String> commits = started();
        CompletableFuture<Void> held = commits.handIn("held");
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);

        List<CompletableFuture<Void>> waiting = List.of(commits.handIn("a"), commits.handIn("b"), commits.handIn("c"));
        letGo.countDown();

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(held).isCompleted();
        assertThat(batches).containsExactly(List.of("held"), List.of("a", "b", "c"));
    }

    @Test
    void failsOnlyTheRefusedItemOfABatch() {
        GroupCommit<String> commits = started();
        commits.handIn("held");
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);
        CompletableFuture<Void> good = commits.handIn("good");
        CompletableFuture<Void> refused = commits.handIn("refused");
        letGo.countDown();

        assertThat(good).succeedsWithin(Duration.ofSeconds(10));
        assertThat(refused).failsWithin(Duration.ofSeconds(10));
        assertThat(batches).contains(List.of("good", "refused"), List.of("good"), List.of("refused"));
    }

    @Test
    void skipsAnItemWhoseCallerGaveUpBeforeItsTurn() {
        GroupCommit<String> commits = started();
        commits.handIn("held");
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);

        assertThatThrownBy(() -> commits.write("late", 1)).hasMessageContaining("not committed within 1 s");
        letGo.countDown();
        commits.write("after", 10);

        assertThat(batches).containsExactly(List.of("held"), List.of("after"));
        assertThat(undone).isEmpty();
    }

    @Test
    void handsAnItemCommittedAfterItsCallerGaveUpToTheUndo() {
        GroupCommit<String> commits = started();
        CompletableFuture<Void> held = commits.handIn("held");
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);

        // Its caller gives up while the writer is inside its transaction (as write does after its timeout).
        held.completeExceptionally(new TimeoutException());
        letGo.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> undone.contains("held"));
        assertThat(batches).containsExactly(List.of("held"));
    }

    @Test
    void writesInTheCallersThreadOnceStopped() throws InterruptedException {
        GroupCommit<String> commits = started();
        commits.stop(5_000);

        commits.write("after", 1);

        assertThat(batches).containsExactly(List.of("after"));
    }
}
