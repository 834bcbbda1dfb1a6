package app.carepanel.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Every change to a {@link Backfill}, each in a transaction of its own: starting one (at most one runs per
 * workspace: a second start finds the running one), cancelling, and the walker's claim, page saves and end. A
 * walker changes a row only while it holds its claim, so a backfill cancelled, or taken over after a lapsed lease,
 * is not moved on by an instance that no longer owns it.
 */
@ApplicationScoped
public class Backfills {

    /** Who started a backfill through the sync API. */
    public static final String BY_API = "api";

    /** What a page's save found. */
    enum Saved {
        /** Saved; walk on from the new cursor. */
        CONTINUE,
        /** That was the last page: the backfill is done. */
        FINISHED,
        /** Not saved: the backfill was cancelled, ended, deleted, or another instance holds it now. */
        NOT_OURS
    }

    /** A backfill just started here, for this instance's runner to walk at once. */
    record Started(long id) {
    }

    /** A backfill just cancelled, for the walker of this instance. */
    record Cancelled(long id) {
    }

    /** The backfill asked to be cancelled, and whether it was running until now. */
    public record Cancellation(Backfill backfill, boolean cancelledNow) {
    }

    private final EntityManager entities;
    private final Event<Started> started;
    private final Event<Cancelled> cancelled;
    private final Clock clock;

    Backfills(EntityManager entities, Event<Started> started, Event<Cancelled> cancelled, Clock clock) {
        this.entities = entities;
        this.started = started;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    /**
     * Starts a backfill of the workspace, to be walked by the next free walker; {@link BackfillAlreadyRunning} when one
     * runs there already (also when another instance started it a moment ago).
     */
    public Backfill start(String workspaceId, boolean dryRun, String startedBy) {
        Backfill backfill = insert(workspaceId, dryRun, startedBy);
        Log.infof("Backfill %d (%s) started in workspace %s by %s", backfill.id, dryRun ? "dry run" : "real run",
                workspaceId, startedBy);
        started.fire(new Started(backfill.id));
        return backfill;
    }

    private Backfill insert(String workspaceId, boolean dryRun, String startedBy) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<Backfill> running = runningIn(workspaceId);
                if (running.isPresent()) {
                    throw new BackfillAlreadyRunning(running.get());
                }
                Instant now = clock.instant();
                Backfill backfill = new Backfill();
                backfill.workspaceId = workspaceId;
                backfill.dryRun = dryRun;
                backfill.state = Backfill.State.RUNNING;
                backfill.runningWorkspace = workspaceId;
                backfill.startedBy = startedBy;
                backfill.startedAt = now;
                backfill.updatedAt = now;
                backfill.persistAndFlush();
                return backfill;
            });
        } catch (BackfillAlreadyRunning e) {
            throw e;
        } catch (RuntimeException e) {
            // The unique running_workspace: another instance's start committed between the check and this insert.
            Optional<Backfill> running = QuarkusTransaction.requiringNew().call(() -> runningIn(workspaceId));
            throw running.<RuntimeException>map(BackfillAlreadyRunning::new).orElse(e);
        }
    }

    public Optional<Backfill> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Backfill.<Backfill>findById(id)));
    }

    /** The workspace's latest backfill, running or ended. */
    public Optional<Backfill> latest(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> Backfill.<Backfill>find("workspaceId = ?1 order by id desc",
                workspaceId).firstResultOptional());
    }

    /** Cancels the backfill if it runs; what the syncs it queued already do is left to them. */
    public Optional<Cancellation> cancel(long id, String by) {
        Optional<Cancellation> result = QuarkusTransaction.requiringNew().call(() -> locked(id).map(backfill -> {
            if (!backfill.running()) {
                return new Cancellation(backfill, false);
            }
            backfill.end(Backfill.State.CANCELLED, "cancelled by " + by, clock.instant());
            return new Cancellation(backfill, true);
        }));
        result.filter(Cancellation::cancelledNow).ifPresent(c -> {
            Log.infof("Backfill %d in workspace %s was cancelled by %s", id, c.backfill().workspaceId, by);
            cancelled.fire(new Cancelled(id));
        });
        return result;
    }

    /** Running backfills that no walker holds (new, handed back, or whose walker's lease lapsed), now this instance's. */
    List<Long> claim(String instance, Duration lease, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Number> ids = entities.createNativeQuery("""
                    select id from backfill
                    where state = 'RUNNING' and (claimed_by is null or lease_until < :now)
                    order by id
                    limit :limit
                    for update skip locked""").setParameter("now", now).setParameter("limit", limit).getResultList();
            List<Long> claimed = ids.stream().map(Number::longValue).toList();
            if (!claimed.isEmpty()) {
                Backfill.update("claimedBy = ?1, leaseUntil = ?2 where id in ?3", instance, now.plus(lease), claimed);
            }
            return claimed;
        });
    }

    /** The backfill as its walker starts on it, if it is still running and this instance's. */
    Optional<Backfill> ours(long id, String instance) {
        return find(id).filter(b -> b.running() && instance.equals(b.claimedBy));
    }

    /** Saves a page: its counts, the cursor after it, the total Intercom gave, and a longer lease; done after the last. */
    Saved savePage(long id, String instance, Tally tally, String next, Long total, boolean last, Duration lease) {
        return change(id, instance, backfill -> {
            Instant now = clock.instant();
            backfill.add(tally);
            backfill.pages++;
            backfill.cursorAfter = next;
            if (total != null) {
                backfill.total = total;
            }
            backfill.updatedAt = now;
            if (last) {
                backfill.end(Backfill.State.DONE, null, now);
                Log.infof("Backfill %d in workspace %s is done: %d contacts in %d pages", id, backfill.workspaceId,
                        backfill.seen, backfill.pages);
                return Saved.FINISHED;
            }
            backfill.leaseUntil = now.plus(lease);
            return Saved.CONTINUE;
        });
    }

    /** Keeps the walker's lease while a page or a wait takes long; false when the backfill is no longer its own. */
    boolean keep(long id, String instance, Duration lease) {
        return change(id, instance, backfill -> {
            backfill.leaseUntil = clock.instant().plus(lease);
            return Saved.CONTINUE;
        }) == Saved.CONTINUE;
    }

    /** The walk cannot go on: failed, with the reason in words. */
    void fail(long id, String instance, String reason) {
        change(id, instance, backfill -> {
            backfill.end(Backfill.State.FAILED, reason, clock.instant());
            Log.warnf("Backfill %d in workspace %s failed: %s", id, backfill.workspaceId, reason);
            return Saved.FINISHED;
        });
    }

    /** This instance stops: the backfill stays running, unclaimed, for the next instance to resume at its cursor. */
    void release(long id, String instance) {
        change(id, instance, backfill -> {
            backfill.claimedBy = null;
            backfill.leaseUntil = null;
            return Saved.CONTINUE;
        });
    }

    private Saved change(long id, String instance, Function<Backfill, Saved> change) {
        return QuarkusTransaction.requiringNew().call(() -> locked(id)
                .filter(b -> b.running() && instance.equals(b.claimedBy))
                .map(change)
                .orElse(Saved.NOT_OURS));
    }

    private Optional<Backfill> locked(long id) {
        return Optional.ofNullable(Backfill.<Backfill>findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Optional<Backfill> runningIn(String workspaceId) {
        return Backfill.<Backfill>find("runningWorkspace", workspaceId).firstResultOptional();
    }
}
