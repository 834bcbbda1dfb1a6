package app.carepanel.backfill;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.intercom.RateLimiter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Walks the running backfills on threads of its own. Every two seconds, and at once when one starts here, it claims
 * the running backfills no instance holds (new ones, those handed back at a stop, those of an instance that died and
 * whose lease lapsed) and walks each on a thread; so after a restart, running backfills resume from their saved
 * cursor. A cancel here stops the walk at once; one made on another instance stops it at the next save.
 */
@ApplicationScoped
class BackfillRunner {

    /** How long a walker's claim holds without word from it; renewed at each page and every third of this. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Backfills claimed at once by this instance. */
    static final int MOST_AT_ONCE = 4;

    private final Backfills backfills;
    private final BackfillWalk walk;
    private final RateLimiter rateLimiter;
    private final String instance = "backfill-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> walking = ConcurrentHashMap.newKeySet();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final Object pause = new Object();
    private final ExecutorService threads;
    private volatile boolean stopping;

    BackfillRunner(Backfills backfills, BackfillWalk walk, RateLimiter rateLimiter) {
        this.backfills = backfills;
        this.walk = walk;
        this.rateLimiter = rateLimiter;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(MOST_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "backfill-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a walk asks of its runner while it goes. */
    interface Control {
        String instance();

        /** True when the walk must end now: the app stops, or the backfill was cancelled here. */
        boolean halted();

        boolean stopping();

        /** Waits up to {@code time}, or less when the walk is halted. */
        void pause(Duration time);
    }

    @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        claimAndWalk();
    }

    /** A backfill was started here: it is walked at once rather than at the next tick. */
    void onStart(@Observes Backfills.Started event) {
        claimAndWalk();
    }

    void onCancel(@Observes Backfills.Cancelled event) {
        cancelled.add(event.id());
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    private synchronized void claimAndWalk() {
        int free = MOST_AT_ONCE - walking.size();
        if (stopping || free <= 0) {
            return;
        }
        try {
            for (long id : backfills.claim(instance, LEASE, free)) {
                walking.add(id);
                threads.submit(() -> walkOne(id));
            }
        } catch (RuntimeException e) {
            Log.warnf("Backfills could not be claimed this time: %s", Causes.rootName(e));
        }
    }

    private void walkOne(long id) {
        Control control = new Control() {
            @Override
            public String instance() {
                return instance;
            }

            @Override
            public boolean halted() {
                return stopping || cancelled.contains(id);
            }

            @Override
            public boolean stopping() {
                return stopping;
            }

            @Override
            public void pause(Duration time) {
                synchronized (pause) {
                    if (!halted()) {
                        try {
                            pause.wait(Math.max(1, time.toMillis()));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
        };
        try {
            walk.walk(id, control);
        } finally {
            walking.remove(id);
            cancelled.remove(id);
        }
    }

    /**
     * The app stops: walks hand their backfill back (its cursor is that of the last whole page) for the next
     * instance to resume. Calls waiting for the rate limit give up at once; no thread is interrupted (an interrupt
     * during a database write closes H2's file).
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        rateLimiter.stopWaiting();
        synchronized (pause) {
            pause.notifyAll();
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(8, TimeUnit.SECONDS)) {
                Log.warn("Backfills were still walking after 8 s; another instance resumes them when their lease lapses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
