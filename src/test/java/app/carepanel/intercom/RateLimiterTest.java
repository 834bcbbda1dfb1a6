package app.carepanel.intercom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The per-workspace budget and Intercom's feedback, on a clock the test moves: each sleep of the limiter moves
 * it on by exactly what was asked, so waits are checked by their length, not by the wall clock.
 */
class RateLimiterTest {

    /** Two and a half seconds into a 10-second window. */
    private static final long START = 1_700_000_000_000L + 2_500;

    private final FakeTime time = new FakeTime(START);

    private RateLimiter limiter(int budget) {
        return new RateLimiter(budget, 0.8, Duration.ofSeconds(10), time, time);
    }

    private static RateLimiter.Status status(RateLimiter limiter, String workspaceId) {
        return limiter.statuses().stream().filter(s -> s.workspaceId().equals(workspaceId)).findFirst().orElseThrow();
    }

    @Test
    void sixthCallInAWindowOfFiveWaitsForTheNextWindow() {
        RateLimiter limiter = limiter(5);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("w1");
        }
        assertThat(time.sleeps).isEmpty();
        assertThat(status(limiter, "w1").usedInWindow()).isEqualTo(5);

        limiter.acquire("w1");

        assertThat(time.sleeps).containsExactly(7_500L);
        assertThat(status(limiter, "w1").usedInWindow()).isEqualTo(1);
        assertThat(status(limiter, "w1").windowBudget()).isEqualTo(5);
    }

    @Test
    void eachWorkspaceHasItsOwnBudget() {
        RateLimiter limiter = limiter(2);
        limiter.acquire("w1");
        limiter.acquire("w1");
        limiter.acquire("w2");
        limiter.acquire("w2");
        assertThat(time.sleeps).isEmpty();
        assertThat(limiter.statuses()).extracting(RateLimiter.Status::workspaceId).containsExactly("w1", "w2");
    }

    @Test
    void remainingAtTheSafetyMarginMakesTheNextCallWaitUntilReset() {
        RateLimiter limiter = limiter(100);
        Instant reset = time.instant().plusSeconds(4);
        limiter.observe("w1", null, RateLimiter.SAFETY_MARGIN, reset);

        limiter.acquire("w1");

        assertThat(time.sleeps).containsExactly(4_000L);
        assertThat(status(limiter, "w1").lastRemaining()).isEqualTo(RateLimiter.SAFETY_MARGIN);
        assertThat(status(limiter, "w1").lastReset()).isEqualTo(reset);
    }

    @Test
    void remainingZeroWithResetPassedDoesNotWait() {
        RateLimiter limiter = limiter(100);
        limiter.observe("w1", null, 0, time.instant().minusSeconds(1));
        limiter.acquire("w1");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void remainingAboveTheMarginDoesNotWait() {
        RateLimiter limiter = limiter(100);
        limiter.observe("w1", null, RateLimiter.SAFETY_MARGIN + 1, time.instant().plusSeconds(4));
        limiter.acquire("w1");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void throttledResponsePausesTheWorkspaceUntilResetAndIsCounted() {
        RateLimiter limiter = limiter(100);
        Instant reset = time.instant().plusSeconds(3);
        limiter.throttled("w1", reset);

        assertThat(status(limiter, "w1").pausedUntil()).isEqualTo(reset);
        assertThat(status(limiter, "w1").throttledResponses()).isEqualTo(1);

        limiter.acquire("w2");
        assertThat(time.sleeps).as("another workspace is not paused").isEmpty();
        limiter.acquire("w1");
        assertThat(time.sleeps).containsExactly(3_000L);
    }

    @Test
    void resetTooFarAheadIsTakenAsAtMostAMinute() {
        RateLimiter limiter = limiter(100);
        limiter.throttled("w1", time.instant().plus(Duration.ofDays(1)));
        limiter.acquire("w1");
        assertThat(time.sleeps).containsExactly(RateLimiter.LONGEST_WAIT.toMillis());
    }

    @Test
    void smallerLimitFromIntercomLowersTheBudgetToOurShareOfIt() {
        RateLimiter limiter = limiter(100);
        limiter.observe("w1", 10, 10, null);
        assertThat(status(limiter, "w1").windowBudget()).isEqualTo(8);
        limiter.observe("w1", 10_000, 10, null);
        assertThat(status(limiter, "w1").windowBudget()).as("never above our own budget").isEqualTo(100);
    }

    @Test
    void interruptedWaitEndsAsUnavailableAndKeepsTheInterrupt() {
        RateLimiter limiter = new RateLimiter(1, 0.8, Duration.ofSeconds(10), time, millis -> {
            throw new InterruptedException();
        });
        limiter.acquire("w1");
        try {
            assertThatThrownBy(() -> limiter.acquire("w1")).isInstanceOf(IntercomException.Unavailable.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void concurrentCallersTogetherKeepToTheBudget() throws Exception {
        // Real time, several threads: 12 calls at 3 per 200 ms window need 4 windows, so at least 2 whole windows
        // pass after the first. Only this lower bound is checked; a slow machine only makes it longer.
        RateLimiter limiter = new RateLimiter(3, 0.8, Duration.ofMillis(200), Clock.systemUTC(), Thread::sleep);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        limiter.acquire("w1");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(status(limiter, "w1").usedInWindow()).isBetween(0, 3);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock that only moves when the limiter sleeps. */
    static final class FakeTime extends Clock implements RateLimiter.Sleeper {
        final List<Long> sleeps = new ArrayList<>();
        private long millis;

        FakeTime(long millis) {
            this.millis = millis;
        }

        @Override
        public void sleep(long duration) {
            sleeps.add(duration);
            millis += duration;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
