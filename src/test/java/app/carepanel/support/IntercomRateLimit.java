package app.carepanel.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Intercom's REST rate limit as a WireMock extension, for every request the stub serves: a budget per 10-second
 * window aligned to the clock (a limit of 600 per minute is 100 per window, 1000 per minute 167), a 429
 * {@code rate_limit_exceeded} over it, and {@code X-RateLimit-Limit} (the window's budget),
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix seconds of the window's end) on every answer,
 * as Intercom documents them. One budget for the whole stub, i.e. one app in one workspace. It counts what it
 * admitted and refused, per window.
 */
public class IntercomRateLimit implements ResponseDefinitionTransformerV2 {

    public static final long WINDOW_MILLIS = 10_000;

    private final int perWindow;
    private final LongSupplier clock;
    private long window = -1;
    private int used;
    /** Window number → {admitted, refused}, since the last {@link #resetCounts()}. */
    private final TreeMap<Long, long[]> windows = new TreeMap<>();

    public IntercomRateLimit(int perMinute) {
        this(perMinute, System::currentTimeMillis);
    }

    IntercomRateLimit(int perMinute, LongSupplier clock) {
        this.perWindow = (int) Math.ceil(perMinute / 6.0);
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "intercom-rate-limit";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        long now = clock.getAsLong();
        boolean admitted;
        int remaining;
        long windowEnd;
        synchronized (this) {
            long current = now / WINDOW_MILLIS;
            if (current != window) {
                window = current;
                used = 0;
            }
            admitted = used < perWindow;
            if (admitted) {
                used++;
            }
            remaining = perWindow - used;
            windowEnd = (window + 1) * WINDOW_MILLIS;
            windows.computeIfAbsent(current, w -> new long[2])[admitted ? 0 : 1]++;
        }
        ResponseDefinitionBuilder answer = admitted ? ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                : ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error.list\",\"request_id\":null,\"errors\":[{\"code\":\"rate_limit_exceeded\","
                                + "\"message\":\"Exceeded rate limit of " + perWindow + " in 10_seconds\"}]}");
        return answer.withHeader("X-RateLimit-Limit", String.valueOf(perWindow))
                .withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
                .withHeader("X-RateLimit-Reset", String.valueOf(windowEnd / 1000))
                .build();
    }

    /** Requests per 10-second window that Intercom would allow. */
    public int perWindow() {
        return perWindow;
    }

    /** What the stub answered since the last reset: requests admitted and 429s given, and how they spread over windows. */
    public synchronized Counts counts() {
        long admitted = 0, refused = 0, busiest = 0;
        for (long[] w : windows.values()) {
            admitted += w[0];
            refused += w[1];
            busiest = Math.max(busiest, w[0] + w[1]);
        }
        return new Counts(admitted, refused, windows.size(), busiest, perWindowAdmitted());
    }

    /** Forgets the counts (not the current window's use, which Intercom would not forget either). */
    public synchronized void resetCounts() {
        windows.clear();
    }

    private Map<Long, Long> perWindowAdmitted() {
        Map<Long, Long> admitted = new TreeMap<>();
        windows.forEach((w, counts) -> admitted.put(w, counts[0]));
        return admitted;
    }

    /**
     * Requests admitted and refused (429), in how many windows, the most requests seen in one window, and the
     * admitted requests per window (window number = epoch millis / 10 000).
     */
    public record Counts(long admitted, long throttled, int windows, long busiestWindow, Map<Long, Long> admittedPerWindow) {

        public long requests() {
            return admitted + throttled;
        }
    }
}
