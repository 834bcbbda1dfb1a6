package app.carepanel.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import app.carepanel.base.Causes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The care platform, as the rest of the app sees it: retried with exponential backoff on failures that may
 * pass (I/O, timeouts, 5xx, 429), behind a circuit breaker so that a platform that is down answers at once.
 * The caller bounds the total time ({@code @Timeout} on its own method). A 4xx other than 429 is the
 * platform refusing the request and is neither retried nor counted against the breaker.
 */
@ApplicationScoped
public class PlatformClient {

    private final PlatformRestClient rest;
    private final RequestsInFlight inFlight;
    private final MeterRegistry metrics;

    PlatformClient(@RestClient PlatformRestClient rest, RequestsInFlight inFlight, MeterRegistry metrics) {
        this.rest = rest;
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    /** Every account whose login email is the given one (case-insensitive on the platform); possibly none. */
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PlatformUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 800)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = PlatformRejected.class)
    public List<Client> findClientsByEmail(String email) {
        return call("clients lookup", "lookup", () -> rest.findClientsByEmail(email).clientsOrEmpty());
    }

    /** The account with this platform id; empty when the platform knows none (404). */
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PlatformUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 800)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = PlatformRejected.class)
    public Optional<Client> findClientById(long id) {
        return call("client by id", "by_id", () -> {
            try {
                return Optional.ofNullable(rest.getClient(id));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.<Client>empty();
                }
                throw e;
            }
        });
    }

    /**
     * Up to {@code limit} accounts matching a teammate's free-text query, best first. A 429 is not retried here (a
     * person is waiting, and the platform asked for a pause): it is thrown as {@link PlatformThrottled} at once,
     * and neither it nor a refusal counts against the breaker.
     */
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PlatformUnavailable.class, abortOn = PlatformThrottled.class)
    @ExponentialBackoff(factor = 2, maxDelay = 800)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = { PlatformRejected.class, PlatformThrottled.class })
    public List<ClientSummary> searchClients(String query, int limit) {
        return call("client search", "search", () -> rest.searchClients(query, limit).clientsOrEmpty());
    }

    /** One page of the emails whose data changed since {@code since}, oldest first. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PlatformUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2_000)
    public ClientChangesPage listClientChanges(Instant since, String cursor, int limit) {
        return call("client changes", "changes", () -> rest.listClientChanges(since.toString(), cursor, limit));
    }

    /** One HTTP call (each retry is one), timed as {@code care_panel.platform.calls} by operation and outcome. */
    private <T> T call(String what, String operation, Supplier<T> request) {
        inFlight.started();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "unavailable";
        try {
            T answer = request.get();
            outcome = "ok";
            return answer;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 429 || status >= 500) {
                if (status == 429) {
                    outcome = "throttled";
                    throw new PlatformThrottled(what + " answered HTTP 429");
                }
                throw new PlatformUnavailable(what + " answered HTTP " + status);
            }
            outcome = "rejected";
            throw new PlatformRejected(what + " answered HTTP " + status);
        } catch (ProcessingException e) {
            throw new PlatformUnavailable(what + " failed: " + Causes.rootName(e));
        } catch (RuntimeException e) {
            // The generated REST client rethrows the unchecked cause of a failure as it is, so an answer that breaks
            // while its body is read (a malformed chunk, the connection closed) arrives as Vert.x's
            // HttpClosedException or Netty's DecoderException: a failed call all the same, retried like a 5xx.
            throw new PlatformUnavailable(what + " failed: " + Causes.rootName(e));
        } finally {
            sample.stop(metrics.timer("care_panel.platform.calls", "operation", operation, "outcome", outcome));
        }
    }
}
