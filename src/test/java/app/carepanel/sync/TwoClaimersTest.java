package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Two claimers on one database, as two app instances would be: every job is claimed and written exactly once.
 * In CI's second run the database is PostgreSQL, where the claims use {@code FOR UPDATE SKIP LOCKED}.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class TwoClaimersTest extends AppTest {

    private static final int JOBS = 60;
    private static final String WORKSPACE = "ws-two-claimers";

    @Inject
    SyncQueue queue;

    @Inject
    JobRunner runner;

    @Inject
    SyncJobs jobs;

    @BeforeEach
    void blankState() {
        installed(WORKSPACE);
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
        for (int i = 0; i < JOBS; i++) {
            PlatformFixtures.answer(platform, "client" + i + "@example.com");
            IntercomFixtures.contactExists(intercom, "c-" + i, "client" + i + "@example.com");
            queue.enqueue(SyncRequest.of(WORKSPACE, "c-" + i, SyncTrigger.MESSAGE));
        }
    }

    @Test
    void twoConcurrentClaimersNeverTakeTheSameJob() throws Exception {
        List<Long> claimedByA = Collections.synchronizedList(new ArrayList<>());
        List<Long> claimedByB = Collections.synchronizedList(new ArrayList<>());
        runTogether(() -> claimAll("instance-a", claimedByA), () -> claimAll("instance-b", claimedByB));

        List<Long> all = new ArrayList<>(claimedByA);
        all.addAll(claimedByB);
        assertThat(all).hasSize(JOBS).doesNotHaveDuplicates();
    }

    @Test
    void twoTransactionsLockingDueJobsAtOnceNeverHoldTheSameRow() throws Exception {
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        List<Long> heldByFirst = Collections.synchronizedList(new ArrayList<>());
        List<Long> heldBySecond = Collections.synchronizedList(new ArrayList<>());
        // Two instances' claim transactions overlap: the second skips the rows the first holds.
        runTogether(() -> QuarkusTransaction.requiringNew().call(() -> {
            jobs.due(Instant.now(), 10).forEach(job -> heldByFirst.add(job.id));
            firstHolds.countDown();
            assertThat(secondDone.await(60, TimeUnit.SECONDS)).as("the second transaction ended").isTrue();
            return null;
        }), () -> {
            assertThat(firstHolds.await(60, TimeUnit.SECONDS)).as("the first transaction holds its rows").isTrue();
            QuarkusTransaction.requiringNew().run(() -> jobs.due(Instant.now(), 10).forEach(job -> heldBySecond.add(job.id)));
            secondDone.countDown();
            return null;
        });

        assertThat(heldByFirst).hasSize(10);
        assertThat(heldBySecond).hasSize(10).doesNotContainAnyElementsOf(heldByFirst);
    }

    @Test
    void workersClaimingAtTheSameMomentEachGetADifferentJob() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<SyncJob>>> claims = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                String worker = "worker-" + n;
                claims.add(workers.submit(() -> {
                    go.await();
                    return queue.claim(worker, 1);
                }));
            }
            go.countDown();
            List<Long> claimed = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                List<SyncJob> own = claims.get(n).get(30, TimeUnit.SECONDS);
                assertThat(own).as("worker-%d's claim", n).hasSize(1);
                assertThat(own.get(0).claimedBy).isEqualTo("worker-" + n);
                claimed.add(own.get(0).id);
            }
            assertThat(claimed).doesNotHaveDuplicates();
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void twoConcurrentInstancesWriteEachContactOnce() throws Exception {
        runTogether(() -> processAll("instance-a"), () -> processAll("instance-b"));

        for (int i = 0; i < JOBS; i++) {
            assertThat(intercom.findAll(IntercomFixtures.writesTo("c-" + i))).as("writes to c-%d", i).hasSize(1);
        }
    }

    @Test
    void renewsLeasesWithoutWaitingForARowATriggerHolds() throws Exception {
        List<SyncJob> claimed = queue.claim("instance-a", 2);
        SyncJob held = claimed.get(0);
        SyncJob free = claimed.get(1);
        Instant before = leaseOf(free.id);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService trigger = Executors.newSingleThreadExecutor();
        try {
            // Another transaction (a webhook's, say) holds one row while the renewal runs.
            Future<?> holding = trigger.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                SyncJob.getEntityManager().find(SyncJob.class, held.id, LockModeType.PESSIMISTIC_WRITE);
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            ExecutorService renewal = Executors.newSingleThreadExecutor();
            Future<?> renewed = renewal.submit(() -> queue.extendLeases(List.of(held.id, free.id)));
            renewed.get(10, TimeUnit.SECONDS);
            renewal.shutdown();
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);

            assertThat(leaseOf(free.id)).as("the free row's lease").isAfter(before);
            assertThat(leaseOf(held.id)).as("the held row's lease, left for the next round").isEqualTo(before);
        } finally {
            release.countDown();
            trigger.shutdownNow();
        }
    }

    private static Instant leaseOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>findById(id).leaseUntil);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Void claimAll(String instance, List<Long> claimed) {
        List<SyncJob> batch;
        while (!(batch = queue.claim(instance, 3)).isEmpty()) {
            // Only this test's jobs: another test's panel view may have queued one a moment after it ended.
            batch.stream().filter(job -> job.workspaceId.equals(WORKSPACE)).forEach(job -> claimed.add(job.id));
        }
        return null;
    }

    /**
     * Claims and processes until none of this test's jobs is left to do. A job that met a timeout on this busy
     * machine is back in the queue with a backoff: the claimer waits for it rather than stopping early.
     */
    private Void processAll(String instance) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<SyncJob> batch = queue.claim(instance, 2);
            batch.forEach(job -> runner.run(job, () -> false));
            if (batch.isEmpty()) {
                if (unfinished() == 0) {
                    return null;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError(unfinished() + " jobs still unfinished after 60 s");
    }

    private static long unfinished() {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.count(
                "workspaceId = ?1 and status in ?2", WORKSPACE, List.of(SyncJob.Status.PENDING, SyncJob.Status.RUNNING)));
    }

    private static void runTogether(Callable<Void> first, Callable<Void> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Void> a = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<Void> b = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
