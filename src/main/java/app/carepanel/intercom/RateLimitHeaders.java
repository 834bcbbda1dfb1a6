package app.carepanel.intercom;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

/** What a response says about the rate limit; each value is null when the header is missing or unreadable. */
record RateLimitHeaders(Integer limit, Integer remaining, Instant reset, Long retryAfterSeconds) {

    /**
     * A reset beyond this many seconds since 1970 (the year 5138) cannot be Unix seconds: it is read as
     * milliseconds, which some proxies send.
     */
    private static final long LARGEST_SECONDS = 100_000_000_000L;

    static RateLimitHeaders of(Response response) {
        Long reset = number(response.getHeaderString("X-RateLimit-Reset"));
        Long limit = number(response.getHeaderString("X-RateLimit-Limit"));
        Long remaining = number(response.getHeaderString("X-RateLimit-Remaining"));
        return new RateLimitHeaders(limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE),
                remaining == null ? null : (int) Math.min(remaining, Integer.MAX_VALUE),
                reset == null ? null : reset > LARGEST_SECONDS ? Instant.ofEpochMilli(reset) : Instant.ofEpochSecond(reset),
                number(response.getHeaderString("Retry-After")));
    }

    /**
     * After a 429: the window's reset if still ahead, else {@code Retry-After}, else {@code defaultSeconds} from
     * now; never further than {@code longest} from now, whatever the headers say (a skewed clock, a bad header).
     */
    Instant pauseUntil(Instant now, long defaultSeconds, Duration longest) {
        Instant latest = now.plus(longest);
        Instant until = reset != null && reset.isAfter(now) ? reset
                : now.plusSeconds(Math.min(retryAfterSeconds != null ? retryAfterSeconds : defaultSeconds, longest.toSeconds()));
        return until.isAfter(latest) ? latest : until;
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            long value = Long.parseLong(header.trim());
            return value < 0 ? null : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
