package app.carepanel.intercom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps each workspace under its share of Intercom's REST budget: a client-side budget per 10-second window,
 * plus whatever Intercom's {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} headers and 429s say.
 */
@ApplicationScoped
public class RateLimiter {

    /** Intercom counts its budget in 10-second windows; ours are aligned to the clock like its resets. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** Calls already in flight may use up the last few; stop while one is left rather than at zero. */
    static final int SAFETY_MARGIN = 1;
    /** A reset further away than this is a skewed clock or a bad header, not a real window. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int windowBudget;
    private final double share;
    private final long windowMillis;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    /** Set when the app stops: waiting callers give up at once, without a thread interrupt. */
    private volatile boolean stopping;

    @Inject
    RateLimiter(IntercomConfig config) {
        this((int) Math.floor(config.rateLimit().perMinute() * config.rateLimit().share() / 6), config.rateLimit().share(),
                WINDOW, Clock.systemUTC(), null);
    }

    RateLimiter(int windowBudget, double share, Duration window, Clock clock, Sleeper sleeper) {
        this.windowBudget = Math.max(1, windowBudget);
        this.share = share;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.sleeper = sleeper == null ? this::sleepUnlessStopping : sleeper;
    }

    /**
     * Wakes every caller waiting for the budget; they fail as unavailable, and so does every later call. The sync
     * workers stop this way rather than by interrupts, which would also close the embedded database's file under
     * them.
     */
    public void stopWaiting() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
    }

    private void sleepUnlessStopping(long millis) throws InterruptedException {
        synchronized (this) {
            if (!stopping) {
                wait(millis);
            }
        }
    }

    /**
     * Blocks until the workspace may make one more call. Once the app is stopping, no call starts: a worker must
     * not begin another (each may take up to the read timeout) while the app waits for the contact in hand.
     */
    public void acquire(String workspaceId) {
        if (stopping) {
            throw new IntercomException.Unavailable("the app is stopping");
        }
        State state = state(workspaceId);
        long waitMillis;
        while ((waitMillis = state.tryTake(clock.millis())) > 0) {
            if (stopping) {
                throw new IntercomException.Unavailable("the app is stopping");
            }
            try {
                sleeper.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IntercomException.Unavailable("interrupted while waiting for the rate limit");
            }
        }
    }

    /** What a response's headers said; a smaller {@code X-RateLimit-Limit} than ours lowers our budget. */
    void observe(String workspaceId, Integer limit, Integer remaining, Instant reset) {
        State state = state(workspaceId);
        synchronized (state) {
            if (limit != null && limit > 0) {
                state.budget = Math.max(1, Math.min(windowBudget, (int) Math.floor(limit * share)));
            }
            if (remaining != null) {
                state.lastRemaining = remaining;
            }
            if (reset != null) {
                state.lastReset = notBeyondLongestWait(reset);
            }
        }
    }

    /** A 429: no call for the workspace until {@code until}. */
    void throttled(String workspaceId, Instant resetAt) {
        State state = state(workspaceId);
        Instant until = notBeyondLongestWait(resetAt);
        synchronized (state) {
            state.throttled++;
            state.pausedUntil = state.pausedUntil == null || until.isAfter(state.pausedUntil) ? until : state.pausedUntil;
        }
    }

    private State state(String workspaceId) {
        return states.computeIfAbsent(workspaceId, State::new);
    }

    private Instant notBeyondLongestWait(Instant instant) {
        Instant latest = clock.instant().plus(LONGEST_WAIT);
        return instant.isAfter(latest) ? latest : instant;
    }

    /** The state of every workspace seen, for {@code GET /sync/status}. */
    public List<Status> statuses() {
        long now = clock.millis();
        return states.values().stream().map(state -> state.status(now))
                .sorted(Comparator.comparing(Status::workspaceId)).toList();
    }

    /** One workspace's limiter: the window budget and use, Intercom's last headers, any pause, 429s seen. */
    public record Status(String workspaceId, int windowBudget, int usedInWindow, Integer lastRemaining,
            Instant lastReset, Instant pausedUntil, long throttledResponses) {
    }

    private final class State {
        final String workspaceId;
        int budget = windowBudget, used;
        long window = -1, throttled;
        Integer lastRemaining;
        Instant lastReset, pausedUntil;

        State(String workspaceId) {
            this.workspaceId = workspaceId;
        }

        /** Takes a slot and answers 0, or answers how long to wait before asking again. */
        synchronized long tryTake(long now) {
            long until = pausedUntil == null ? 0 : pausedUntil.toEpochMilli();
            if (lastRemaining != null && lastRemaining <= SAFETY_MARGIN && lastReset != null) {
                until = Math.max(until, lastReset.toEpochMilli());
            }
            if (until > now) {
                return until - now;
            }
            if (now / windowMillis != window) {
                window = now / windowMillis;
                used = 0;
            }
            if (used < budget) {
                used++;
                return 0;
            }
            return (window + 1) * windowMillis - now;
        }

        synchronized Status status(long now) {
            return new Status(workspaceId, budget, now / windowMillis == window ? used : 0, lastRemaining, lastReset,
                    pausedUntil, throttled);
        }
    }
}
