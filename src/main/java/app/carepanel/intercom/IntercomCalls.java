package app.carepanel.intercom;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

import app.carepanel.base.Causes;
import app.carepanel.base.PathSegments;
import app.carepanel.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * How every Intercom REST call is made: one client per host, {@code Intercom-Version: 2.16}, the bearer token of
 * the target, the workspace's {@link RateLimiter} before the call and Intercom's rate-limit headers after it, and
 * each failure as the {@link IntercomException} that says what to do next. Responses are read here too, so that
 * an answer that breaks off mid-body is a passing failure like a 5xx.
 */
@ApplicationScoped
class IntercomCalls {

    /** How long a 429 pauses the workspace when Intercom says neither when its window resets nor when to retry. */
    static final long DEFAULT_PAUSE_SECONDS = 10;

    private final IntercomConfig config;
    private final RateLimiter rateLimiter;
    private final Workspaces workspaces;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<URI, IntercomRestClient> clients = new ConcurrentHashMap<>();

    IntercomCalls(IntercomConfig config, RateLimiter rateLimiter, Workspaces workspaces, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.workspaces = workspaces;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Where a call goes and with which token; {@code workspaceId} is null only while finding it out. */
    record Target(String workspaceId, URI host, String token) {

        @Override
        public String toString() {
            return "Target[workspace=" + workspaceId + ", host=" + host + "]";
        }
    }

    /**
     * Sends one request within the workspace's rate limit and tells the limiter what Intercom answered. Returns
     * the response when it is a 2xx or one of the statuses the caller handles; throws for every other status.
     */
    Response call(Target target, String what, Set<Integer> handled, BiFunction<IntercomRestClient, String, Response> request) {
        if (target.workspaceId() != null) {
            rateLimiter.acquire(target.workspaceId());
        }
        Response response;
        try {
            response = request.apply(restClient(target.host()), "Bearer " + target.token());
        } catch (ProcessingException | IllegalStateException e) {
            // I/O, a timeout, or a client closed under the call as the app stops.
            count("io");
            throw new IntercomException.Unavailable(what + " failed: " + Causes.rootName(e));
        }
        RateLimitHeaders headers = RateLimitHeaders.of(response);
        if (target.workspaceId() != null) {
            rateLimiter.observe(target.workspaceId(), headers.limit(), headers.remaining(), headers.reset());
        }
        int status = response.getStatus();
        count(status == 429 || status == 401 ? String.valueOf(status) : status / 100 + "xx");
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL || handled.contains(status)) {
            return response;
        }
        response.close();
        throw failure(target, what, status, headers);
    }

    /** Intercom's answers by status: 2xx, 401, 429 (rate-limited), other 4xx, 5xx, or io (no answer). */
    private void count(String status) {
        metrics.counter("care_panel.intercom.calls", "status", status).increment();
    }

    private IntercomException failure(Target target, String what, int status, RateLimitHeaders headers) {
        String message = what + " answered HTTP " + status;
        if (status == 401) {
            if (target.workspaceId() != null) {
                workspaces.tokenRefused(target.workspaceId(), target.token());
                Log.warnf("Intercom refused the access token (workspace %s)", target.workspaceId());
            } else {
                Log.debugf("%s: %s refused the access token", what, target.host());
            }
            return new IntercomException.TokenRefused(message);
        }
        if (status == 429) {
            Instant resetAt = headers.pauseUntil(clock.instant(), DEFAULT_PAUSE_SECONDS, RateLimiter.LONGEST_WAIT);
            if (target.workspaceId() != null) {
                rateLimiter.throttled(target.workspaceId(), resetAt);
            }
            Log.infof("Intercom rate-limited workspace %s until %s", target.workspaceId(), resetAt);
            return new IntercomException.RateLimited(message, resetAt);
        }
        if (status >= 500) {
            return new IntercomException.Unavailable(message);
        }
        return new IntercomException.Rejected(message, status);
    }

    /** The body as the given type; a body that is unreadable, cut off or missing is a passing failure. */
    static <T> T read(Response response, Class<T> type, String what) {
        T body;
        try {
            body = response.readEntity(type);
        } catch (ProcessingException | WebApplicationException | IllegalStateException unreadable) {
            // The client reports JSON it cannot map as a WebApplicationException carrying the (successful) status.
            throw new IntercomException.Unavailable(what + " answered unreadable JSON");
        }
        if (body == null) {
            throw new IntercomException.Unavailable(what + " answered no body");
        }
        return body;
    }

    static ErrorList readErrors(Response response) {
        try {
            ErrorList errors = response.readEntity(ErrorList.class);
            return errors == null ? new ErrorList(List.of()) : errors;
        } catch (ProcessingException | WebApplicationException | IllegalStateException unreadable) {
            return new ErrorList(List.of());
        }
    }

    /** The contact id in {@code Link: </contacts/{id}>; rel="canonical"} (the target may also be an absolute URL). */
    static String canonicalId(Response response, String what) {
        Link link;
        try {
            link = response.getLink("canonical");
        } catch (IllegalArgumentException unreadable) {
            link = null;
        }
        String path = link == null || link.getUri() == null ? null : link.getUri().getPath();
        int at = path == null ? -1 : path.lastIndexOf("/contacts/");
        String id = at < 0 ? "" : path.substring(at + "/contacts/".length());
        if (!PathSegments.isSingle(id)) {
            throw new IntercomException.Rejected(what + " answered HTTP 410 without a canonical contact link", 410);
        }
        return id;
    }

    private IntercomRestClient restClient(URI host) {
        return clients.computeIfAbsent(host, uri -> restClient(uri, config, IntercomRestClient.class));
    }

    /** A REST client of Intercom's at {@code uri}, with the configured timeouts; callers read each status themselves. */
    static <T> T restClient(URI uri, IntercomConfig config, Class<T> type) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are read from the Response; the default mapper would turn each 4xx/5xx into an exception.
                .disableDefaultMapper(true)
                .build(type);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                Log.debugf("Closing an Intercom REST client failed: %s", e.getClass().getSimpleName());
            }
        });
    }
}
