package app.carepanel.changes;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.intercom.AccessTokenOwner;
import app.carepanel.intercom.IntercomException;
import app.carepanel.platform.PlatformException;
import app.carepanel.sync.SyncConfig;
import app.carepanel.workspace.WorkspaceConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Every {@code SYNC_CHANGES_POLL_INTERVAL}, a {@link ChangePoll} of the access token's workspace, by one of the
 * instances sharing the database.
 */
@ApplicationScoped
class ChangePollSchedule {

    /** The first poll waits for the app to settle, or one interval when that is shorter. */
    static final Duration FIRST_POLL_DELAY = Duration.ofSeconds(10);

    private final ChangePoll poll;
    private final ChangePositions positions;
    private final AccessTokenOwner tokenOwner;
    private final SyncConfig config;
    private final WorkspaceConfig workspaceConfig;

    ChangePollSchedule(ChangePoll poll, ChangePositions positions, AccessTokenOwner tokenOwner, SyncConfig config,
            WorkspaceConfig workspaceConfig) {
        this.poll = poll;
        this.positions = positions;
        this.tokenOwner = tokenOwner;
        this.config = config;
        this.workspaceConfig = workspaceConfig;
    }

    /**
     * Schedules the poll in code rather than with {@code @Scheduled(every = "${...}")}: the scheduler would fail on
     * a malformed interval with a stack trace before the configuration check could name the variable.
     */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        Optional<Duration> every = SyncConfig.pollInterval(config.changesPollInterval());
        if (every.isEmpty()) {
            Log.info("Client changes are not polled: SYNC_CHANGES_POLL_INTERVAL is off");
            return;
        }
        Duration firstDelay = FIRST_POLL_DELAY.compareTo(every.get()) <= 0 ? FIRST_POLL_DELAY : every.get();
        scheduler.newJob("client-changes-poll")
                .setInterval(every.get().toString())
                .setDelayed(firstDelay.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> scheduled(every.get()))
                .schedule();
    }

    @ActivateRequestContext
    void scheduled(Duration interval) {
        if (config.workers() <= 0 || workspaceConfig.accessToken().filter(t -> !t.isBlank()).isEmpty()) {
            Log.debug("Client changes are not polled: no INTERCOM_ACCESS_TOKEN, or the sync is off here");
            return;
        }
        try {
            String workspaceId = tokenOwner.owner().workspaceId();
            if (!positions.ourTurn(workspaceId, interval)) {
                Log.debugf("Client changes of workspace %s were polled by another instance a moment ago", workspaceId);
                return;
            }
            poll.run(workspaceId);
        } catch (IntercomException | PlatformException e) {
            Log.warnf("Polling client changes stopped: %s; it resumes at the next poll", e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf("Polling client changes stopped: %s; it resumes at the next poll", Causes.rootName(e));
        }
    }
}
