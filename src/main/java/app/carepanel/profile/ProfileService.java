package app.carepanel.profile;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import app.carepanel.base.Causes;
import app.carepanel.platform.PlatformException;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Looks a client up: the short-lived cache first (concurrent lookups of one email share one platform call),
 * then the platform, and when the platform fails, the last successful result kept for that email.
 */
@ApplicationScoped
public class ProfileService {

    private final Cache cache;
    private final ProfileLoader loader;
    private final SnapshotStore snapshots;

    ProfileService(@CacheName("client-profiles") Cache cache, ProfileLoader loader, SnapshotStore snapshots) {
        this.cache = cache;
        this.loader = loader;
        this.snapshots = snapshots;
    }

    /** The profile for the key, or the last known one if the platform fails; {@code refresh} skips the cache. */
    public ProfileLookup lookup(ProfileKey key, boolean refresh) {
        try {
            return new ProfileLookup.Fresh(fetch(key, refresh));
        } catch (PlatformException | FaultToleranceException e) {
            Log.warnf("Platform lookup failed in workspace %s: %s", key.workspaceId(), describe(e));
            return snapshots.find(key)
                    .<ProfileLookup>map(ProfileLookup.Stale::new)
                    .orElseGet(ProfileLookup.Unavailable::new);
        }
    }

    /**
     * The profile for the key from the cache or the platform; {@code refetch} skips the cache. Throws
     * {@link PlatformException} or a fault-tolerance exception when the platform fails.
     */
    public ClientProfile fetch(ProfileKey key, boolean refetch) {
        if (refetch) {
            cache.invalidate(key).await().indefinitely();
        }
        return cache.getAsync(key, this::load).await().indefinitely();
    }

    private Uni<ClientProfile> load(ProfileKey key) {
        return Uni.createFrom().completionStage(() -> loader.load(key)).invoke(profile -> {
            try {
                snapshots.save(key, profile);
            } catch (RuntimeException e) {
                Log.warnf("The last-known copy could not be stored in workspace %s: %s", key.workspaceId(),
                        Causes.rootName(e));
            }
        });
    }

    private static String describe(RuntimeException e) {
        return e instanceof PlatformException ? e.getMessage() : e.getClass().getSimpleName();
    }
}
