package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.intercom.RateLimiter;
import app.carepanel.intercom.IntercomTokens;
import app.carepanel.platform.PlatformException;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The instance's sync workers: each claims a due job, syncs the contact, and records how it went. They sleep
 * when there is nothing due and wake when a trigger is stored here, or every second to catch retries that fell
 * due and work queued by other instances.
 */
@ApplicationScoped
class SyncWorker {

    private final SyncQueue queue;
    private final ContactSync sync;
    private final SyncResults results;
    private final Workspaces workspaces;
    private final IntercomTokens tokens;
    private final SyncConfig config;
    private final Clock clock;
    private final String instance = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    /** Jobs this instance is writing now, whose leases the heartbeat keeps. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** When each workspace with a refused token last had one job let through to try the token again. */
    private final Map<String, Instant> lastTokenProbe = new ConcurrentHashMap<>();
    private volatile Instant nextLeaseRenewal = Instant.MIN;
    /** After a passing failure of {@code GET /me} (timeout, 5xx), how long until it is asked again. */
    private static final Duration TOKEN_OWNER_RETRY = Duration.ofSeconds(30);
    /** Until when not to ask {@code GET /me} again after it failed. */
    private volatile Instant tokenOwnerRetryAt = Instant.MIN;
    private volatile boolean running;
    private ExecutorService threads;

    private final IntercomClient intercom;
    private final RateLimiter rateLimiter;

    SyncWorker(SyncQueue queue, ContactSync sync, SyncResults results, Workspaces workspaces, IntercomTokens tokens,
            IntercomClient intercom, RateLimiter rateLimiter, SyncConfig config, Clock clock) {
        this.intercom = intercom;
        this.rateLimiter = rateLimiter;
        this.queue = queue;
        this.sync = sync;
        this.results = results;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (config.workers() <= 0) {
            Log.info("Sync workers are off (SYNC_WORKERS=0): triggers are stored but not processed here");
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(config.workers(), runnable -> {
            Thread thread = new Thread(runnable, "sync-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= config.workers(); i++) {
            String name = instance + "-" + i;
            threads.submit(() -> loop(name));
        }
    }

    /**
     * Lets each worker finish or hand back the contact in hand, without interrupting threads (an interrupt during
     * a database write closes H2's file). A contact whose wait for the rate limit is cut short goes back to
     * pending without counting as an attempt.
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (threads != null) {
            rateLimiter.stopWaiting();
            wakeUp.release(config.workers());
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
                jobs.forEach(this::process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The database is unreachable or the app is stopping: pause, then try again.
                Log.warnf("Sync worker %s could not claim work: %s", name, e.getClass().getSimpleName());
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
            Log.warnf("Sync leases could not be renewed this time: %s", e.getClass().getSimpleName());
        }
    }

    void process(SyncJob job) {
        String workspaceId = job.workspaceId;
        if (tokens.isRefused(workspaceId) && !tokenProbeDue(workspaceId)) {
            queue.postpone(job, clock.instant().plus(config.refusedTokenRecheck()),
                    "Intercom refused the workspace's access token (401); waiting for a new token");
            return;
        }
        inFlight.add(job.id);
        try {
            Workspace workspace = workspaceOf(workspaceId);
            ContactSync.Result result = sync.run(workspace, job);
            tokens.clearRefusal(workspace.id());
            results.record(workspace.id(), job.contactId, result);
            queue.finish(job, result.outcome());
            Log.debugf("Synced contact %s in workspace %s: %s", job.contactId, workspace.id(), result.outcome());
        } catch (IntercomException.RateLimited e) {
            queue.postpone(job, e.resetAt(), e.getMessage());
        } catch (IntercomException.TokenRefused e) {
            lastTokenProbe.put(workspaceId, clock.instant());
            queue.postpone(job, clock.instant().plus(config.refusedTokenRecheck()), e.getMessage());
        } catch (IntercomException.Rejected e) {
            Log.warnf("Sync of contact %s in workspace %s failed for good: %s", job.contactId, workspaceId, e.getMessage());
            queue.fail(job, e.getMessage());
        } catch (IntercomException.Unavailable | PlatformException e) {
            if (!running) {
                queue.postpone(job, clock.instant(), "the app stopped before this contact was written");
                return;
            }
            queue.retryLater(job, e.getMessage());
        } catch (FaultToleranceException e) {
            queue.retryLater(job, "the platform did not answer in time (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            Log.errorf("Sync of contact %s in workspace %s failed unexpectedly: %s", job.contactId, workspaceId,
                    e.getClass().getName());
            queue.retryLater(job, "unexpected " + e.getClass().getSimpleName());
        } finally {
            inFlight.remove(job.id);
        }
    }

    /**
     * The job's workspace with its region. One never seen in a Canvas Kit request (webhooks carry no region) may
     * be the access token's own workspace, whose region {@code GET /me} tells; without it, an EU or AU workspace's
     * calls would go to the US host and be refused.
     */
    private Workspace workspaceOf(String workspaceId) {
        if (workspaces.knownRegion(workspaceId).isPresent() || clock.instant().isBefore(tokenOwnerRetryAt)) {
            return workspaces.byId(workspaceId);
        }
        try {
            Workspace owner = intercom.workspaceOfToken();
            if (owner.id().equals(workspaceId)) {
                workspaces.remember(owner);
                return owner;
            }
        } catch (IntercomException e) {
            // A refusal is asked about again with the other refusals; a passing failure (timeout, 5xx) soon.
            boolean passing = e instanceof IntercomException.Unavailable || e instanceof IntercomException.RateLimited;
            tokenOwnerRetryAt = clock.instant().plus(passing ? TOKEN_OWNER_RETRY : config.refusedTokenRecheck());
            Log.debugf("The access token's workspace is not known (%s); workspace %s is taken to be in the US region",
                    e.getMessage(), workspaceId);
        }
        return workspaces.byId(workspaceId);
    }

    /** One job per recheck interval goes through with a refused token, in case Intercom accepts it again. */
    private boolean tokenProbeDue(String workspaceId) {
        Instant now = clock.instant();
        Instant before = lastTokenProbe.get(workspaceId);
        boolean due = before == null || !before.plus(config.refusedTokenRecheck()).isAfter(now);
        // Of several workers deciding at once, only the one whose update lands probes.
        return due && (before == null ? lastTokenProbe.putIfAbsent(workspaceId, now) == null
                : lastTokenProbe.replace(workspaceId, before, now));
    }


    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
