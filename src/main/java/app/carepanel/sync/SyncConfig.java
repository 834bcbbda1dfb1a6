package app.carepanel.sync;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The background attribute sync ({@code SYNC_*}). */
@ConfigMapping(prefix = "sync")
public interface SyncConfig {

    /** The shortest lease that its renewal, every third of it, keeps alive with room to spare. */
    Duration MIN_LEASE = Duration.ofSeconds(6);

    /** Bearer token for {@code /sync/contacts/{id}} and {@code /sync/status}; without it both answer 401. */
    Optional<String> apiToken();

    /**
     * Worker threads per app instance writing contacts; 0 stops processing (triggers are still stored). Unset, it
     * is sized from the Intercom budget ({@link #workersFor}).
     */
    Optional<Integer> workers();

    /** The fewest and the most workers sized from the budget. */
    int MIN_WORKERS = 4;
    int MAX_WORKERS = 16;

    /**
     * Enough workers to spend the app's share of a budget of {@code perMinute} Intercom calls a minute, each worker
     * making about 8 calls a second (a sync waits on the platform and on Intercom, about 125 ms together when both
     * answer quickly), from {@value #MIN_WORKERS} to {@value #MAX_WORKERS}: 4 at 600 calls a minute, 16 at 10,000.
     */
    static int workersFor(int perMinute, double share) {
        int needed = (int) Math.ceil(perMinute * share / 60 / 8);
        return Math.max(MIN_WORKERS, Math.min(MAX_WORKERS, needed));
    }

    /** Failed attempts after which a job is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry; each further retry doubles it, with jitter, up to {@code backoff-max}. */
    @WithDefault("5S")
    Duration backoffInitial();

    /** Longest wait between retries. */
    @WithDefault("30M")
    Duration backoffMax();

    /**
     * How long a claimed job may run before another worker may take it over (a crashed instance's jobs); renewed
     * every third of it while the contact is being written.
     */
    @WithDefault("2M")
    Duration lease();

    /** A write whose values equal the last one (fetch time aside) is skipped while the last is younger than this. */
    @WithDefault("1H")
    Duration unchangedSkipInterval();

    /** After a 401, how long a workspace's jobs wait before its token is tried again. */
    @WithDefault("5M")
    Duration refusedTokenRecheck();

    /** Conversation tag that asks for a re-sync of the conversation's contacts; removed afterwards. */
    @WithDefault("platform-sync")
    String tag();

    /** Admin recorded as removing the tag when the webhook names no admin. */
    Optional<String> tagAdminId();

    /** Longest wait of {@code POST /sync/contacts/{id}?wait=true} for the write. */
    @WithDefault("10S")
    Duration waitTimeout();

    /** How often the platform's client changes are polled, e.g. {@code 15m}; {@code off} turns the poll off. */
    @WithDefault("15m")
    String changesPollInterval();

    /**
     * Reads {@code SYNC_CHANGES_POLL_INTERVAL} as Quarkus reads a schedule: {@code off} or {@code disabled} for no
     * poll, otherwise an ISO-8601 duration whose {@code PT} (or, for days, {@code P}) may be left out:
     * {@code 15m}, {@code 1h30m}, {@code 1d}, {@code PT15M}.
     *
     * @return the interval, or empty when the poll is off
     * @throws IllegalArgumentException when the value is neither, or not longer than 0
     */
    static Optional<Duration> pollInterval(String value) {
        String every = value.trim().toUpperCase(Locale.ROOT);
        if (every.equals("OFF") || every.equals("DISABLED")) {
            return Optional.empty();
        }
        if (!every.isEmpty() && Character.isDigit(every.charAt(0))) {
            every = (every.endsWith("D") ? "P" : "PT") + every;
        }
        Duration interval;
        try {
            interval = Duration.parse(every);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a duration such as 15m or 1h, nor off", e);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("must be longer than 0 (off turns the poll off)");
        }
        return Optional.of(interval);
    }

    /** Where the first poll of client changes starts, looking back from the first start. */
    @WithDefault("1H")
    Duration changesInitialLookback();
}
