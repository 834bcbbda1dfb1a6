package app.carepanel.changes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.intercom.AccessTokenOwner;
import app.carepanel.intercom.IntercomException;
import app.carepanel.platform.PlatformException;
import app.carepanel.sync.SyncConfig;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Every {@code SYNC_CHANGES_POLL_INTERVAL}, a {@link ChangePoll} of each installed workspace (its own cursor), each
 * by one of the instances sharing the database.
 */
@ApplicationScoped
class ChangePollSchedule {

    /** The first poll waits for the app to settle, or one interval when that is shorter. */
    static final Duration FIRST_POLL_DELAY = Duration.ofSeconds(10);

    private final ChangePoll poll;
    private final ChangePositions positions;
    private final AccessTokenOwner tokenOwner;
    private final SyncConfig config;
    private final WorkspaceSettings settings;
    private final Workspaces workspaces;

    ChangePollSchedule(ChangePoll poll, ChangePositions positions, AccessTokenOwner tokenOwner, SyncConfig config,
            Workspaces workspaces, WorkspaceSettings settings) {
        this.settings = settings;
        this.poll = poll;
        this.positions = positions;
        this.tokenOwner = tokenOwner;
        this.config = config;
        this.workspaces = workspaces;
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
        if (config.workers().orElse(1) <= 0) {
            Log.debug("Client changes are not polled: the sync is off here");
            return;
        }
        // Asks Intercom once which workspace INTERCOM_ACCESS_TOKEN belongs to, so that it counts as installed.
        tokenOwner.configuredTokenWorkspace();
        List<String> installed;
        try {
            installed = workspaces.installed();
        } catch (RuntimeException e) {
            Log.warnf("Polling client changes stopped: %s; it resumes at the next poll", Causes.rootName(e));
            return;
        }
        for (String workspaceId : installed) {
            if (settings.value(workspaceId, Setting.CHANGE_POLL).filter("off"::equals).isPresent()) {
                Log.debugf("Client changes of workspace %s are not polled: its admin turned the poll off", workspaceId);
                continue;
            }
            pollOne(workspaceId, interval);
        }
    }

    /** One workspace's poll, with its own cursor; a failure stops only this workspace's round. */
    private void pollOne(String workspaceId, Duration interval) {
        try {
            if (!positions.ourTurn(workspaceId, interval)) {
                Log.debugf("Client changes of workspace %s were polled by another instance a moment ago", workspaceId);
                return;
            }
            poll.run(workspaceId);
        } catch (IntercomException | PlatformException e) {
            Log.warnf("Polling client changes of workspace %s stopped: %s; it resumes at the next poll", workspaceId,
                    e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf("Polling client changes of workspace %s stopped: %s; it resumes at the next poll", workspaceId,
                    Causes.rootName(e));
        }
    }
}
