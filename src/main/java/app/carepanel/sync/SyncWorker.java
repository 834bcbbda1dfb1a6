package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.intercom.IntercomConfig;
import app.carepanel.intercom.RateLimiter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The instance's sync workers: threads that each claim a due job and hand it to the {@link JobRunner}. They sleep
 * when there is nothing due and wake when a trigger is stored here, or every second to catch retries that fell
 * due and work queued by other instances. The leases of the jobs in hand are renewed while they run.
 */
@ApplicationScoped
class SyncWorker {

    private final SyncQueue queue;
    private final JobRunner runner;
    private final RateLimiter rateLimiter;
    private final SyncConfig config;
    private final Clock clock;
    /** Set, or sized from the Intercom budget. */
    private final int workers;
    private final String instance = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    /** Jobs this instance is writing now, whose leases the heartbeat keeps. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Instant nextLeaseRenewal = Instant.MIN;
    private volatile boolean running;
    private ExecutorService threads;

    SyncWorker(SyncQueue queue, JobRunner runner, RateLimiter rateLimiter, SyncConfig config, IntercomConfig intercom,
            Clock clock) {
        this.workers = config.workers().orElseGet(
                () -> SyncConfig.workersFor(intercom.rateLimit().perMinute(), intercom.rateLimit().share()));
        this.queue = queue;
        this.runner = runner;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (workers <= 0) {
            Log.info("Sync workers are off (SYNC_WORKERS=0): triggers are stored but not processed here");
            return;
        }
        running = true;
        Log.infof("%d sync workers", workers);
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "sync-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= workers; i++) {
            String name = instance + "-" + i;
            threads.submit(() -> loop(name));
        }
    }

    /**
     * Lets each worker finish or hand back the contact in hand, without interrupting threads (an interrupt during
     * a database write closes H2's file). Once stopping, no further Intercom call starts (the rate limiter refuses
     * it), so a worker is back within about one read timeout; a contact cut short this way, or by a platform
     * failure while stopping, goes back to pending without counting as an attempt. This must end well inside the
     * 10 s below: when this observer returns, Quarkus closes Hibernate, the datasource, the beans and Vert.x, and a
     * worker still busy then would fail on them and leave its job running until its lease lapses.
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (threads != null) {
            rateLimiter.stopWaiting();
            wakeUp.release(workers);
            threads.shutdown();
            try {
                if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                    Log.warn("Sync workers were still writing after 10 s; their contacts are taken over when their lease lapses");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void wake(@Observes SyncQueue.JobQueued queued) {
        wakeUp.release();
    }

    private void loop(String name) {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<SyncJob> jobs = queue.claim(name, 1);
                if (jobs.isEmpty()) {
                    wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                for (SyncJob job : jobs) {
                    inFlight.add(job.id);
                    try {
                        runner.run(job, () -> !running);
                    } finally {
                        inFlight.remove(job.id);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The database is unreachable or the app is stopping: pause, then try again.
                Log.warnf("Sync worker %s could not claim work: %s", name, Causes.rootName(e));
                sleepQuietly();
            }
        }
    }

    /** Renews the leases of the jobs being written here every third of a lease, well before they lapse. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        Instant now = clock.instant();
        if (inFlight.isEmpty() || now.isBefore(nextLeaseRenewal)) {
            return;
        }
        nextLeaseRenewal = now.plus(config.lease().dividedBy(3));
        try {
            queue.extendLeases(Set.copyOf(inFlight));
        } catch (RuntimeException e) {
            // Tried again at the next third of a lease, well before any lease lapses.
            Log.warnf("Sync leases could not be renewed this time: %s", Causes.rootName(e));
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
