package app.carepanel.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Lets the platform requests still in flight end before the app stops. A lookup that ran out of its 2 s budget
 * (or whose caller stopped waiting) leaves its HTTP request to finish on its own, within the connect and read
 * timeouts; if the app tore down its beans first, that request's completion would find no container and be logged
 * as an error after shutdown. So the stop waits, after the sync workers are done, until the latest request could
 * have ended.
 */
@ApplicationScoped
class RequestsInFlight {

    private static final long MOST_WAIT_NANOS = 5_000_000_000L;

    private final long longestRequestNanos;
    private volatile long lastStarted;
    private volatile boolean anyStarted;

    RequestsInFlight(@ConfigProperty(name = "quarkus.rest-client.platform.connect-timeout", defaultValue = "500") long connectMillis,
            @ConfigProperty(name = "quarkus.rest-client.platform.read-timeout", defaultValue = "800") long readMillis) {
        this.longestRequestNanos = (connectMillis + readMillis + 200) * 1_000_000;
    }

    void started() {
        lastStarted = System.nanoTime();
        anyStarted = true;
    }

    /**
     * After the default observers (the sync workers' stop among them), before the beans go; again after each wait,
     * since a retry may have started meanwhile, and for five seconds at the most.
     */
    void letThemEnd(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent stopping) {
        long deadline = System.nanoTime() + MOST_WAIT_NANOS;
        long left;
        while (anyStarted && (left = Math.min(lastStarted + longestRequestNanos, deadline) - System.nanoTime()) > 0) {
            Log.debugf("Waiting %d ms for platform requests still in flight", left / 1_000_000);
            try {
                Thread.sleep(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
