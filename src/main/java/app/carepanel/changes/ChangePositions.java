package app.carepanel.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Causes;
import app.carepanel.sync.SyncConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Where the poll of each workspace's client changes has got to (the last change time and the page cursor), saved
 * after each page so that a restart or a failure resumes there; and whose turn it is to poll.
 */
@ApplicationScoped
public class ChangePositions {

    private final SyncConfig config;
    private final Clock clock;

    ChangePositions(SyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The saved position, or one looking back {@code SYNC_CHANGES_INITIAL_LOOKBACK} for a first poll. */
    /** Forgets where the workspace's poll had got to (it uninstalled the app), in the caller's transaction. */
    public void forget(String workspaceId) {
        QuarkusTransaction.joiningExisting().run(() -> ChangePollState.deleteById(workspaceId));
    }

    ChangePollState of(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> stateOf(workspaceId));
    }

    void save(String workspaceId, Instant since, String cursor) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChangePollState state = ChangePollState.findById(workspaceId);
            state.since = since;
            state.cursor = cursor;
            state.updatedAt = clock.instant();
        });
    }

    /**
     * Several instances share one database: of those whose schedule fires, only the one whose conditional update
     * of the poll's row lands polls; the others find it updated less than half an interval ago and skip.
     */
    boolean ourTurn(String workspaceId, Duration interval) {
        Instant now = clock.instant();
        Instant recent = now.minus(interval.dividedBy(2));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                stateOf(workspaceId);
                return ChangePollState.update("updatedAt = ?1 where id = ?2 and updatedAt < ?3", now, workspaceId, recent) == 1;
            });
        } catch (RuntimeException e) {
            // Two instances inserting the first row at once, or the database away: skip this turn either way.
            Log.debugf("No poll of client changes this time in workspace %s: %s", workspaceId, Causes.rootName(e));
            return false;
        }
    }

    private ChangePollState stateOf(String workspaceId) {
        ChangePollState state = ChangePollState.findById(workspaceId);
        if (state == null) {
            state = new ChangePollState();
            state.id = workspaceId;
            state.since = clock.instant().minus(config.changesInitialLookback());
            // Never polled: any instance may take the first turn.
            state.updatedAt = Instant.EPOCH;
            state.persistAndFlush();
        }
        return state;
    }
}
