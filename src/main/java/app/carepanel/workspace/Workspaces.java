package app.carepanel.workspace;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import app.carepanel.base.Causes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The owner of "which workspace, which region, which host, which token". Canvas Kit requests name a workspace's
 * region and {@link #seen} records it (in the database, and in memory to avoid a write per request); webhooks name
 * only the id, so {@link #resolve} falls back to the {@link RegionFinder} and then to US. Every workspace uses
 * {@code INTERCOM_ACCESS_TOKEN} until workspaces install the app with OAuth; a token Intercom refuses is marked
 * for its workspace only.
 */
@ApplicationScoped
public class Workspaces {

    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final TokenRefusals refusals = new TokenRefusals();
    private final WorkspaceConfig config;
    private final Instance<RegionFinder> regionFinder;
    private final Clock clock;

    Workspaces(WorkspaceConfig config, Instance<RegionFinder> regionFinder, Clock clock) {
        this.config = config;
        this.regionFinder = regionFinder;
        this.clock = clock;
    }

    /** Says at start when no token is configured: the panel still works, but no attribute can be written. */
    void warnWithoutToken(@Observes StartupEvent started) {
        if (accessToken().isEmpty()) {
            Log.warn("INTERCOM_ACCESS_TOKEN is not set: the panel works, but no contact's attributes can be written; "
                    + "syncs wait until a token is configured");
        }
    }

    /** Everything a call to Intercom for the workspace needs: region, host, token. */
    public Workspace resolve(String workspaceId) {
        Region region = knownRegion(workspaceId).or(() -> findRegion(workspaceId)).orElse(Region.US);
        return new Workspace(workspaceId, region, config.apiHost(region), accessToken());
    }

    /**
     * A request named the workspace with this region text. Only Intercom's regions are recorded; anything else is
     * treated as not saying, so no request value of another shape reaches the database.
     */
    public void seen(String workspaceId, String regionText) {
        Region.parse(regionText).ifPresent(region -> remember(workspaceId, region));
    }

    /** Records the workspace's region when it is new or has changed. */
    public void remember(String workspaceId, Region region) {
        if (region == regions.get(workspaceId)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                WorkspaceRecord record = WorkspaceRecord.findById(workspaceId);
                if (record == null) {
                    record = new WorkspaceRecord();
                    record.id = workspaceId;
                }
                record.region = region.code();
                record.updatedAt = clock.instant();
                // Flushed here, so that another instance recording the workspace at the same moment makes this
                // fail inside the try below rather than at commit, where the transaction manager logs a stack trace.
                record.persistAndFlush();
            });
            regions.put(workspaceId, region);
        } catch (RuntimeException concurrentFirstSight) {
            // Another request recorded the workspace at the same moment; the next one will settle the region.
            Log.debugf("Workspace %s not recorded this time: %s", workspaceId,
                    Causes.rootName(concurrentFirstSight));
        }
    }

    /** The region the workspace was last seen with, if it ever was (asked of the database until it is known). */
    public Optional<Region> knownRegion(String workspaceId) {
        Region region = regions.get(workspaceId);
        if (region == null) {
            region = QuarkusTransaction.joiningExisting().call(() -> {
                WorkspaceRecord record = WorkspaceRecord.findById(workspaceId);
                return record == null ? null : Region.parse(record.region).orElse(null);
            });
            if (region != null) {
                regions.put(workspaceId, region);
            }
        }
        return Optional.ofNullable(region);
    }

    /** True after Intercom refused the workspace's current token; false again once the token changes or works. */
    public boolean isTokenRefused(String workspaceId) {
        return refusals.isRefused(workspaceId, accessToken().orElse(null));
    }

    /** Intercom answered 401 to this token, which may already have been replaced by the time the answer came. */
    public void tokenRefused(String workspaceId, String token) {
        refusals.refused(workspaceId, token);
    }

    /** Intercom accepted the workspace's token again (a call went through). */
    public void tokenAccepted(String workspaceId) {
        refusals.accepted(workspaceId);
    }

    private Optional<Region> findRegion(String workspaceId) {
        if (!regionFinder.isResolvable()) {
            return Optional.empty();
        }
        Optional<Region> found = regionFinder.get().regionOf(workspaceId);
        found.ifPresent(region -> remember(workspaceId, region));
        return found;
    }

    /** The same configured token for every workspace until each has its own from the OAuth installation. */
    private Optional<String> accessToken() {
        return config.accessToken().map(String::trim).filter(token -> !token.isEmpty());
    }
}
