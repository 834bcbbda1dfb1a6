package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.NoSyncWorkers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Triggers of the same moment each return only once their own job is stored, and one contact gets one job. */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
class SimultaneousTriggersTest extends AppTest {

    @Inject
    SyncQueue queue;

    private final ExecutorService triggers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopTriggers() {
        triggers.shutdownNow();
    }

    private <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(triggers.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private long stored(String contactId) {
        return QuarkusTransaction.requiringNew().call(() ->
                SyncJob.count("workspaceId = ?1 and contactId = ?2", workspace, contactId));
    }

    @Test
    void eachOfManyTriggersAtOnceFindsItsJobStoredWhenItReturns() throws Exception {
        List<Callable<Long>> calls = new ArrayList<>();
        for (int n = 0; n < 48; n++) {
            String contactId = "c-" + n;
            calls.add(() -> {
                assertThat(queue.enqueue(SyncRequest.of(workspace, contactId, SyncTrigger.VIEW))).isTrue();
                return stored(contactId);
            });
        }

        assertThat(atOnce(calls)).hasSize(48).containsOnly(1L);
    }

    @Test
    void triggersOfOneContactAtOnceStoreOneJob() throws Exception {
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            calls.add(() -> queue.enqueue(SyncRequest.of(workspace, "c-same", SyncTrigger.MESSAGE)));
        }

        List<Boolean> added = atOnce(calls);

        assertThat(added.stream().filter(Boolean::booleanValue).count()).as("triggers that added the job").isEqualTo(1);
        assertThat(stored("c-same")).isEqualTo(1);
    }
}
