package app.carepanel.intercom;

import java.time.Instant;

/**
 * An Intercom call that did not succeed, typed by what the caller should do. Messages name the call and the
 * status, never contact data.
 */
public abstract sealed class IntercomException extends RuntimeException {

    IntercomException(String message) {
        super(message, null, false, false);
    }

    /** 5xx, timeouts, I/O: try again later with backoff. */
    public static final class Unavailable extends IntercomException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** 429: the workspace's limiter now waits until {@code resetAt}; try again then. */
    public static final class RateLimited extends IntercomException {
        private final Instant resetAt;

        public RateLimited(String message, Instant resetAt) {
            super(message);
            this.resetAt = resetAt;
        }

        public Instant resetAt() {
            return resetAt;
        }
    }

    /** 401 (or no token at all): the workspace's token is refused; keep work pending until it changes. */
    public static final class TokenRefused extends IntercomException {
        public TokenRefused(String message) {
            super(message);
        }
    }

    /** Any other 4xx: the request itself is wrong; trying the same again will not help. */
    public static final class Rejected extends IntercomException {
        private final int status;

        public Rejected(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
