package app.carepanel.intercom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The stand-in's rate limit: Intercom's 10-second windows, their headers, and a 429 over the budget. */
class DemoRateLimitTest {

    /** Three seconds into a window that ends at Unix second 1 700 000 010. */
    private final AtomicLong millis = new AtomicLong(1_700_000_003_000L);

    @Test
    void admitsASixthOfTheMinutesBudgetPerWindowThenRefusesUntilTheNextWindow() {
        DemoRateLimit limit = new DemoRateLimit(60, millis::get);

        for (int i = 9; i >= 0; i--) {
            assertThat(limit.take()).isEqualTo(new DemoRateLimit.Turn(true, 10, i, 1_700_000_010L));
        }
        assertThat(limit.take()).isEqualTo(new DemoRateLimit.Turn(false, 10, 0, 1_700_000_010L));

        millis.set(1_700_000_010_000L);
        assertThat(limit.take()).isEqualTo(new DemoRateLimit.Turn(true, 10, 9, 1_700_000_020L));
    }

    @Test
    void intercomsDefaultBudgetIsSixteenHundredSixtySevenCallsPerWindow() {
        assertThat(new DemoRateLimit(DemoIntercom.RATE_LIMIT_PER_MINUTE, millis::get).take().limit()).isEqualTo(1667);
    }
}
