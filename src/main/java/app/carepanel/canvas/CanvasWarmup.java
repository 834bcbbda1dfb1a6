package app.carepanel.canvas;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Causes;
import app.carepanel.platform.Client;
import app.carepanel.platform.ClientsPage;
import app.carepanel.platform.PlatformClient;
import app.carepanel.profile.AttributeNames;
import app.carepanel.profile.ProfileFormatter;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileSnapshot;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the request path once at start-up on made-up data (formatting, rendering, JSON, a database read, the
 * platform client's proxy), so that the first teammate to open a conversation does not pay for class loading
 * and first-use set-up. Nothing is sent to the platform or Intercom.
 */
@ApplicationScoped
class CanvasWarmup {

    void warmUp(@Observes StartupEvent start, ProfileFormatter formatter, CanvasRenderer renderer, ObjectMapper json,
            PlatformClient platform, AttributeNames names) {
        try {
            Client sample = new Client(1L, "Warm", "Up", "warm@up.invalid", "(416) 555-0123", "active",
                    "America/Toronto", Instant.now(), null, null, null, List.of(), List.of(), List.of(), true,
                    List.of(), true, List.of());
            json.writeValueAsString(renderer.lookup(new ProfileLookup.Fresh(formatter.format(List.of(sample),
                    Instant.now())), PanelView.SUMMARY, names));
            json.readValue("{\"clients\":[]}", ClientsPage.class);
            // A read by the snapshots' unique key, which finds nothing: a count here read the whole table at each
            // start (PostgreSQL's sequential scan of 111,383 rows after bench/history.sh's 100,000 contacts).
            ProfileSnapshot.find("workspaceId = ?1 and emailDigest = ?2", "warm-up", "-").firstResultOptional();
            platform.toString();
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("Warm-up did not complete (%s); the first request will be slower", Causes.rootName(e));
        }
    }
}
