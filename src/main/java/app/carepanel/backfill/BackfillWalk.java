package app.carepanel.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Causes;
import app.carepanel.intercom.ContactPage;
import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomException;
import app.carepanel.sync.BulkSync;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * One backfill's walk, page by page from its saved cursor: list a page of contacts ({@code GET /contacts}, within
 * the workspace's rate limit), handle each contact, then save the page's counts with the cursor after it. A real
 * run lists the next page only once the workspace has at most {@link #QUEUE_ROOM} syncs due, so that a panel view's
 * sync never queues behind the whole workspace. A listing that fails passingly is tried again with backoff; one
 * Intercom refuses ends the backfill as failed, with the reason.
 */
@ApplicationScoped
class BackfillWalk {

    /** Contacts per page: Intercom's default. */
    static final int PAGE_SIZE = 50;
    /** A real run queues the next page while the workspace has at most this many syncs due. */
    static final int QUEUE_ROOM = 50;
    /** Passing failures of one page's listing in a row after which the backfill fails. */
    static final int MOST_LISTING_FAILURES = 8;
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

    private final Backfills backfills;
    private final BackfillContacts contacts;
    private final IntercomClient intercom;
    private final Workspaces workspaces;
    private final BulkSync bulk;
    private final Clock clock;

    BackfillWalk(Backfills backfills, BackfillContacts contacts, IntercomClient intercom, Workspaces workspaces,
            BulkSync bulk, Clock clock) {
        this.backfills = backfills;
        this.contacts = contacts;
        this.intercom = intercom;
        this.workspaces = workspaces;
        this.bulk = bulk;
        this.clock = clock;
    }

    void walk(long id, BackfillRunner.Control control) {
        Optional<Backfill> found = backfills.ours(id, control.instance());
        if (found.isEmpty()) {
            return;
        }
        Backfill backfill = found.get();
        Lease lease = new Lease(id, control.instance());
        try {
            Log.infof("Backfill %d in workspace %s (%s): walking from page %d", id, backfill.workspaceId,
                    backfill.dryRun ? "dry run" : "real run", backfill.pages + 1);
            String cursor = backfill.cursorAfter;
            while (true) {
                if (control.halted() || (!backfill.dryRun && !roomInQueue(backfill.workspaceId, lease, control))) {
                    handBack(id, control);
                    return;
                }
                // Each page asks afresh: a workspace uninstalled or taken off the allowed list meanwhile ends the walk.
                Workspace workspace = workspaces.resolve(backfill.workspaceId);
                if (workspace.token().isEmpty()) {
                    backfills.fail(id, control.instance(), "the workspace has no usable token: " + workspace.whyNoToken());
                    return;
                }
                Optional<ContactPage> page = fetch(id, workspace, cursor, lease, control);
                if (page.isEmpty()) {
                    return;
                }
                Tally tally = new Tally();
                for (IntercomContact contact : page.get().contacts()) {
                    if (control.halted() || !lease.keptIfDue()) {
                        handBack(id, control);
                        return;
                    }
                    tally.count(contacts.handle(backfill.workspaceId, backfill.dryRun, contact));
                }
                String next = page.get().nextCursor();
                boolean last = next == null || next.equals(cursor);
                if (!last && next.length() > Backfill.MAX_CURSOR) {
                    backfills.fail(id, control.instance(), "Intercom's page cursor is longer than " + Backfill.MAX_CURSOR
                            + " characters");
                    return;
                }
                if (next != null && next.equals(cursor)) {
                    Log.warnf("Backfill %d in workspace %s: Intercom gave the same cursor again; the walk ends there", id,
                            backfill.workspaceId);
                }
                Backfills.Saved saved = backfills.savePage(id, control.instance(), tally, last ? cursor : next,
                        page.get().totalCount(), last, BackfillRunner.LEASE);
                if (saved != Backfills.Saved.CONTINUE) {
                    return;
                }
                lease.kept();
                cursor = next;
            }
        } catch (RuntimeException e) {
            if (control.stopping()) {
                handBack(id, control);
                return;
            }
            Log.errorf("Backfill %d failed unexpectedly: %s", id, e.getClass().getName());
            backfills.fail(id, control.instance(), "unexpected " + Causes.rootName(e));
        }
    }

    /** One page of contacts, trying again after passing failures; empty when the walk ends (failed or halted). */
    private Optional<ContactPage> fetch(long id, Workspace workspace, String cursor, Lease lease,
            BackfillRunner.Control control) {
        int failures = 0;
        while (true) {
            try {
                return Optional.of(intercom.listContacts(workspace, cursor, PAGE_SIZE));
            } catch (IntercomException.RateLimited e) {
                control.pause(Duration.between(clock.instant(), e.resetAt()));
            } catch (IntercomException.Unavailable e) {
                if (control.stopping()) {
                    handBack(id, control);
                    return Optional.empty();
                }
                failures++;
                if (failures >= MOST_LISTING_FAILURES) {
                    backfills.fail(id, control.instance(), e.getMessage() + ", " + failures + " times in a row");
                    return Optional.empty();
                }
                Log.infof("Backfill %d: %s; trying again", id, e.getMessage());
                control.pause(backoff(failures));
            } catch (IntercomException.TokenRefused | IntercomException.Rejected e) {
                backfills.fail(id, control.instance(), e.getMessage());
                return Optional.empty();
            }
            if (control.halted() || !lease.keptIfDue()) {
                handBack(id, control);
                return Optional.empty();
            }
        }
    }

    /** Waits while the workspace has more than {@link #QUEUE_ROOM} syncs due; false when the walk must end. */
    private boolean roomInQueue(String workspaceId, Lease lease, BackfillRunner.Control control) {
        while (bulk.due(workspaceId) > QUEUE_ROOM) {
            control.pause(Duration.ofSeconds(1));
            if (control.halted() || !lease.keptIfDue()) {
                return false;
            }
        }
        return true;
    }

    /** The app stops: the backfill goes back, unclaimed, to resume from its last saved page. A cancel needs nothing. */
    private void handBack(long id, BackfillRunner.Control control) {
        if (control.stopping()) {
            try {
                backfills.release(id, control.instance());
            } catch (RuntimeException e) {
                Log.infof("Backfill %d could not be handed back (%s); it is resumed when its lease lapses", id,
                        Causes.rootName(e));
            }
        }
    }

    private static Duration backoff(int failures) {
        Duration step = Duration.ofSeconds(1L << Math.min(failures - 1, 6));
        return step.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : step;
    }

    /** The walker's claim, renewed every third of a lease while a page or a wait takes long. */
    private final class Lease {
        private final long id;
        private final String instance;
        private Instant keptAt = clock.instant();

        Lease(long id, String instance) {
            this.id = id;
            this.instance = instance;
        }

        /** Renews the claim when a third of it has passed; false when the backfill is no longer this walker's. */
        boolean keptIfDue() {
            if (clock.instant().isBefore(keptAt.plus(BackfillRunner.LEASE.dividedBy(3)))) {
                return true;
            }
            boolean ours = backfills.keep(id, instance, BackfillRunner.LEASE);
            keptAt = clock.instant();
            return ours;
        }

        void kept() {
            keptAt = clock.instant();
        }
    }
}
