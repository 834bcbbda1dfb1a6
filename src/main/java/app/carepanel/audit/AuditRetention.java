package app.carepanel.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the access audit trail for {@code AUDIT_RETENTION} (an ISO-8601 period such as {@code P6Y}, the
 * default, or a duration such as {@code PT720H}) and purges older rows every hour.
 */
@ApplicationScoped
public class AuditRetention {

    private final String retention;
    private final Clock clock;

    AuditRetention(@ConfigProperty(name = "audit.retention", defaultValue = "P6Y") String retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** What is wrong with the setting, in words naming the variable; empty when it can be used. */
    public static Optional<String> problemWith(String text) {
        return cutoff(text, Instant.EPOCH.plus(Duration.ofDays(365 * 100))).isPresent() ? Optional.empty()
                : Optional.of("AUDIT_RETENTION must be a positive ISO-8601 period or duration, such as P6Y or P90D, "
                        + "was '" + text + "'");
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes the rows older than the retention; the count deleted. */
    public long purge() {
        Optional<Instant> before = cutoff(retention, clock.instant());
        if (before.isEmpty()) {
            return 0;
        }
        long deleted = QuarkusTransaction.requiringNew().call(() -> AccessRecord.delete("at < ?1", before.get()));
        if (deleted > 0) {
            Log.infof("Access audit: %d rows older than %s purged (AUDIT_RETENTION %s)", deleted, before.get(), retention);
        }
        return deleted;
    }

    /** {@code now} less the retention; empty when the text is neither a positive period nor a positive duration. */
    static Optional<Instant> cutoff(String text, Instant now) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        try {
            Period period = Period.parse(value);
            return period.isNegative() || period.isZero() ? Optional.empty()
                    : Optional.of(now.atOffset(ZoneOffset.UTC).minus(period).toInstant());
        } catch (DateTimeParseException notAPeriod) {
            try {
                Duration duration = Duration.parse(value);
                return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(now.minus(duration));
            } catch (DateTimeParseException notADuration) {
                return Optional.empty();
            }
        }
    }
}
