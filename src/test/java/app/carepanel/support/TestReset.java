package app.carepanel.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.carepanel.profile.ProfileSnapshot;
import app.carepanel.changes.ChangePollState;
import app.carepanel.sync.PendingTagRemoval;
import app.carepanel.sync.SyncJob;
import app.carepanel.webhook.WebhookDelivery;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Puts the app back to a blank state between tests: no cached lookups, no stored rows, breakers closed. */
@ApplicationScoped
public class TestReset {

    private final Cache profiles;
    private final CircuitBreakerMaintenance breakers;

    TestReset(@CacheName("client-profiles") Cache profiles, CircuitBreakerMaintenance breakers) {
        this.profiles = profiles;
        this.breakers = breakers;
    }

    @Transactional
    public void all() {
        profiles.invalidateAll().await().indefinitely();
        breakers.resetAll();
        ProfileSnapshot.deleteAll();
        SyncJob.deleteAll();
        PendingTagRemoval.deleteAll();
        WebhookDelivery.deleteAll();
        ChangePollState.deleteAll();
    }

    /** Closes every circuit breaker (another test's platform failures must not refuse this one's calls). */
    public void breakers() {
        breakers.resetAll();
    }
}
