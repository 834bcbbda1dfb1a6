package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomConfig;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomException;
import app.carepanel.platform.ClientChangesPage;
import app.carepanel.platform.PlatformClient;
import app.carepanel.platform.PlatformException;
import app.carepanel.platform.PlatformRejected;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Every {@code SYNC_CHANGES_POLL_INTERVAL}, asks the platform which clients changed, finds the Intercom contacts
 * with each email (users and leads, several per email) and queues them. The position (the last change time and
 * the page cursor) is saved after each page, so a restart or a failure resumes where it stopped.
 */
@ApplicationScoped
public class ClientChangePoller {

    static final int PAGE_SIZE = 500;
    static final int MAX_CURSOR_LENGTH = 4000;
    /** Pages read in one pass at most; the rest waits for the next poll, from the saved cursor. */
    static final int MAX_PAGES_PER_POLL = 200;
    /** The first poll waits for the app to settle, or one interval when that is shorter. */
    static final Duration FIRST_POLL_DELAY = Duration.ofSeconds(10);

    private final PlatformClient platform;
    private final IntercomClient intercom;
    private final EmailScreen emails;
    private final SyncQueue queue;
    private final SyncConfig config;
    private final Clock clock;
    private final Optional<String> intercomToken;
    private final Workspaces workspaces;
    private final ContactEmails contactEmails;

    ClientChangePoller(PlatformClient platform, IntercomClient intercom, EmailScreen emails, SyncQueue queue,
            SyncConfig config, Clock clock, IntercomConfig intercomConfig, Workspaces workspaces,
            ContactEmails contactEmails) {
        this.workspaces = workspaces;
        this.contactEmails = contactEmails;
        this.intercomToken = intercomConfig.accessToken().filter(t -> !t.isBlank());
        this.platform = platform;
        this.intercom = intercom;
        this.emails = emails;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Schedules the poll in code rather than with {@code @Scheduled(every = "${...}")}: the scheduler would fail on
     * a malformed interval with a stack trace before {@code ConfigurationCheck} could name the variable.
     */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        Optional<Duration> every = SyncConfig.pollInterval(config.changesPollInterval());
        if (every.isEmpty()) {
            Log.info("Client changes are not polled: SYNC_CHANGES_POLL_INTERVAL is off");
            return;
        }
        scheduler.newJob("client-changes-poll")
                .setInterval(every.get().toString())
                .setDelayed(shorterOf(FIRST_POLL_DELAY, every.get()).toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> scheduled())
                .schedule();
    }

    private static Duration shorterOf(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @ActivateRequestContext
    void scheduled() {
        if (config.workers() <= 0 || !intercomToken.isPresent()) {
            Log.debug("Client changes are not polled: no INTERCOM_ACCESS_TOKEN, or the sync is off here");
            return;
        }
        try {
            Workspace workspace = intercom.workspaceOfToken();
            if (!ourTurn(workspace.id(), pollInterval())) {
                Log.debugf("Client changes of workspace %s were polled by another instance a moment ago", workspace.id());
                return;
            }
            poll();
        } catch (IntercomException | PlatformException e) {
            Log.warnf("Polling client changes stopped: %s; it resumes at the next poll", e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf("Polling client changes stopped: %s; it resumes at the next poll", e.getClass().getSimpleName());
        }
    }

    /** One pass over every page of changes since the saved position. Returns the number of contacts queued. */
    public int poll() {
        Workspace workspace = intercom.workspaceOfToken();
        workspaces.remember(workspace);
        ChangePollState state = QuarkusTransaction.requiringNew().call(() -> stateOf(workspace.id()));
        Instant since = state.since;
        String cursor = state.cursor;
        Instant latest = since;
        int queued = 0;
        for (int pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
            ClientChangesPage page;
            try {
                page = platform.listClientChanges(since, cursor, PAGE_SIZE);
            } catch (PlatformRejected e) {
                if (cursor == null) {
                    throw e;
                }
                // A saved cursor the platform no longer takes (expired, say): start the pass again from since.
                Log.warnf("The platform refused the saved changes cursor (%s); starting again from the last change time",
                        e.getMessage());
                cursor = null;
                save(workspace.id(), since, null);
                continue;
            }
            for (ClientChangesPage.Change change : page.changesOrEmpty()) {
                queued += queueContactsOf(workspace, change.email());
                if (change.changedAt() != null && change.changedAt().isAfter(latest)) {
                    latest = change.changedAt();
                }
            }
            String next = page.nextCursor() == null || page.nextCursor().isBlank() ? null : page.nextCursor();
            if (next != null && (next.equals(cursor) || next.length() > MAX_CURSOR_LENGTH)) {
                Log.warnf("The platform's changes cursor did not move or is too long; ending this pass at the last change");
                next = null;
            }
            cursor = next;
            save(workspace.id(), cursor == null ? latest : since, cursor);
            if (cursor == null) {
                break;
            }
        }
        if (queued > 0) {
            Log.infof("Client changes queued %d contacts in workspace %s", queued, workspace.id());
        }
        return queued;
    }

    private int queueContactsOf(Workspace workspace, String email) {
        if (!(emails.check(email, List.of()) instanceof EmailCheck.Lookup lookup)) {
            return 0;
        }
        List<IntercomContact> contacts;
        try {
            contacts = intercom.findContactsByEmail(workspace, lookup.email());
        } catch (IntercomException.Rejected e) {
            Log.warnf("A contact search was refused in workspace %s (%s); that change is skipped", workspace.id(),
                    e.getMessage());
            return 0;
        }
        int queued = 0;
        for (IntercomContact contact : contacts) {
            contactEmails.seen(workspace.id(), contact.id(), lookup.email());
            queue.enqueue(workspace, contact.id(), SyncTrigger.PLATFORM_CHANGE, Optional.empty());
            queued++;
        }
        return queued;
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
            Log.debugf("No poll of client changes this time in workspace %s: %s", workspaceId, e.getClass().getSimpleName());
            return false;
        }
    }

    private Duration pollInterval() {
        return SyncConfig.pollInterval(config.changesPollInterval()).orElse(Duration.ZERO);
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

    private void save(String workspaceId, Instant since, String cursor) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChangePollState state = ChangePollState.findById(workspaceId);
            state.since = since;
            state.cursor = cursor;
            state.updatedAt = clock.instant();
        });
    }
}
