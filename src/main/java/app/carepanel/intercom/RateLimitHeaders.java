package app.carepanel.intercom;

import java.time.Instant;

import jakarta.ws.rs.core.Response;

/** What a response says about the rate limit; each value is null when the header is missing or unreadable. */
record RateLimitHeaders(Integer limit, Integer remaining, Instant reset, Long retryAfterSeconds) {

    static RateLimitHeaders of(Response response) {
        Long reset = number(response.getHeaderString("X-RateLimit-Reset"));
        Long limit = number(response.getHeaderString("X-RateLimit-Limit"));
        Long remaining = number(response.getHeaderString("X-RateLimit-Remaining"));
        return new RateLimitHeaders(limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE),
                remaining == null ? null : (int) Math.min(remaining, Integer.MAX_VALUE),
                reset == null ? null : Instant.ofEpochSecond(reset),
                number(response.getHeaderString("Retry-After")));
    }

    /** After a 429: the window's reset if still ahead, else {@code Retry-After}, else {@code defaultSeconds} from now. */
    Instant pauseUntil(Instant now, long defaultSeconds) {
        if (reset != null && reset.isAfter(now)) {
            return reset;
        }
        return now.plusSeconds(retryAfterSeconds != null ? retryAfterSeconds : defaultSeconds);
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
