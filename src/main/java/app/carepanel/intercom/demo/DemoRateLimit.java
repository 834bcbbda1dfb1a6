package app.carepanel.intercom.demo;

import java.util.function.LongSupplier;

/**
 * Intercom's REST rate limit as the stand-in applies it: a budget per 10-second window aligned to the clock (a
 * limit per minute over six windows), a 429 over it, and what {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} (Unix seconds of the window's end) say on every answer.
 */
final class DemoRateLimit {

    static final long WINDOW_MILLIS = 10_000;

    private final int perWindow;
    private final LongSupplier millis;
    private long window = -1;
    private int used;

    DemoRateLimit(int perMinute, LongSupplier millis) {
        this.perWindow = (int) Math.ceil(perMinute / 6.0);
        this.millis = millis;
    }

    /** One call's turn: whether it is admitted, and the headers its answer carries. */
    record Turn(boolean admitted, int limit, int remaining, long resetSeconds) {
    }

    synchronized Turn take() {
        long current = millis.getAsLong() / WINDOW_MILLIS;
        if (current != window) {
            window = current;
            used = 0;
        }
        boolean admitted = used < perWindow;
        if (admitted) {
            used++;
        }
        return new Turn(admitted, perWindow, perWindow - used, (window + 1) * WINDOW_MILLIS / 1000);
    }
}
