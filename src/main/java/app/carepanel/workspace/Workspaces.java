package app.carepanel.workspace;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The workspaces the app serves. Canvas Kit requests carry a workspace's region; webhooks only its id, so the
 * region seen last is remembered (in the database, and in memory to avoid a write per request).
 */
@ApplicationScoped
public class Workspaces {

    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Clock clock;

    Workspaces(Clock clock) {
        this.clock = clock;
    }

    /** Records the workspace's region when it is new or has changed. */
    public void remember(Workspace workspace) {
        if (workspace.region().equals(regions.get(workspace.id()))) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                WorkspaceRecord record = WorkspaceRecord.findById(workspace.id());
                if (record == null) {
                    record = new WorkspaceRecord();
                    record.id = workspace.id();
                }
                record.region = workspace.region();
                record.updatedAt = clock.instant();
                // Flushed here, so that another instance recording the workspace at the same moment makes this
                // fail inside the try below rather than at commit, where the transaction manager logs a stack trace.
                record.persistAndFlush();
            });
            regions.put(workspace.id(), workspace.region());
        } catch (RuntimeException concurrentFirstSight) {
            // Another request recorded the workspace at the same moment; the next one will settle the region.
            Log.debugf("Workspace %s not recorded this time: %s", workspace.id(),
                    concurrentFirstSight.getClass().getSimpleName());
        }
    }

    /**
     * The workspace with its last known region; {@code us} while it was never seen with one (asked again each
     * time, since another instance or a later request may learn it).
     */
    public Workspace byId(String workspaceId) {
        return new Workspace(workspaceId, knownRegion(workspaceId).orElse(null));
    }

    /** The region the workspace was last seen with, if it ever was. */
    public Optional<String> knownRegion(String workspaceId) {
        String region = regions.get(workspaceId);
        if (region == null) {
            region = QuarkusTransaction.joiningExisting().call(() -> {
                WorkspaceRecord record = WorkspaceRecord.findById(workspaceId);
                return record == null ? null : record.region;
            });
            if (region != null) {
                regions.put(workspaceId, region);
            }
        }
        return Optional.ofNullable(region);
    }
}
