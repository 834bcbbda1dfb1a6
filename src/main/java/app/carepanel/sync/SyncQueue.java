package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.faulttolerance.Retry;

import app.carepanel.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue of contact syncs. Every change is its own committed transaction, so what is acknowledged
 * is stored. Jobs are claimed with row locks that other instances skip ({@code FOR UPDATE SKIP LOCKED}) and a
 * lease, so that several instances share one database without doing a job twice and a crashed instance's jobs
 * are picked up again once their lease lapses.
 */
@ApplicationScoped
public class SyncQueue {

    private final EntityManager entities;
    private final SyncConfig config;
    private final Clock clock;
    private final Event<JobQueued> queued;

    SyncQueue(EntityManager entities, SyncConfig config, Clock clock, Event<JobQueued> queued) {
        this.entities = entities;
        this.config = config;
        this.clock = clock;
        this.queued = queued;
    }

    /** Signals local workers that work may be waiting. */
    public record JobQueued() {
    }

    /**
     * Asks for a sync of the contact. Returns false when it coalesced into work already pending. Runs in its own
     * transaction; the caller may join the webhook's transaction with {@link #enqueueInCurrentTransaction}.
     */
    @Retry(maxRetries = 3, delay = 20, jitter = 20)
    public boolean enqueue(Workspace workspace, String contactId, SyncTrigger trigger, Optional<TagRemoval> tag) {
        boolean added = QuarkusTransaction.requiringNew()
                .call(() -> enqueueInCurrentTransaction(workspace, contactId, trigger, tag));
        queued.fire(new JobQueued());
        return added;
    }

    /**
     * As {@link #enqueue}, inside the caller's transaction (which must commit before the caller acknowledges).
     * A trigger that adds nothing to pending work leaves the row untouched, so a burst of them does not contend.
     */
    boolean enqueueInCurrentTransaction(Workspace workspace, String contactId, SyncTrigger trigger,
            Optional<TagRemoval> tag) {
        Instant now = clock.instant();
        tag.ifPresent(t -> rememberTag(workspace.id(), contactId, t, now));
        Optional<SyncJob> existing = SyncJob.find(workspace.id(), contactId);
        if (existing.isEmpty()) {
            SyncJob job = new SyncJob();
            job.workspaceId = workspace.id();
            job.contactId = contactId;
            job.createdAt = now;
            queueAgain(job, trigger, now);
            job.persistAndFlush();
            return true;
        }
        SyncJob job = existing.get();
        if (!leavesUntouched(job, trigger, now)) {
            // Lock the row and read it afresh before changing it, so that a worker finishing it meanwhile makes
            // this wait, not fail at commit.
            entities.refresh(job, LockModeType.PESSIMISTIC_WRITE);
        }
        switch (job.status) {
            case PENDING -> {
                if (trigger.refetch() && !job.refetch) {
                    job.refetch = true;
                    job.updatedAt = now;
                }
                // Someone is waiting for this contact: do not let a failure's backoff keep them waiting.
                if (trigger.urgent() && job.attempts > 0 && job.nextAttemptAt.isAfter(now)) {
                    job.nextAttemptAt = now;
                    job.updatedAt = now;
                }
                return false;
            }
            case RUNNING -> {
                if (!job.rerun || (trigger.refetch() && !job.refetch)) {
                    job.rerun = true;
                    job.refetch |= trigger.refetch();
                    job.lastTrigger = trigger;
                    job.updatedAt = now;
                }
                return false;
            }
            default -> {
                queueAgain(job, trigger, now);
                return true;
            }
        }
    }

    /** True when the trigger adds nothing to the job as it stands: the row is then not written, nor locked. */
    private static boolean leavesUntouched(SyncJob job, SyncTrigger trigger, Instant now) {
        boolean asksRefetch = trigger.refetch() && !job.refetch;
        return switch (job.status) {
            case PENDING -> !asksRefetch && !(trigger.urgent() && job.attempts > 0 && job.nextAttemptAt.isAfter(now));
            case RUNNING -> job.rerun && !asksRefetch;
            default -> false;
        };
    }

    private static void queueAgain(SyncJob job, SyncTrigger trigger, Instant now) {
        job.status = SyncJob.Status.PENDING;
        job.attempts = 0;
        job.queuedAt = now;
        job.nextAttemptAt = now;
        job.refetch = trigger.refetch();
        job.rerun = false;
        job.lastTrigger = trigger;
        job.lastError = null;
        job.updatedAt = now;
    }

    private static void rememberTag(String workspaceId, String contactId, TagRemoval tag, Instant now) {
        boolean known = PendingTagRemoval.count("workspaceId = ?1 and contactId = ?2 and conversationId = ?3 and tagId = ?4",
                workspaceId, contactId, tag.conversationId(), tag.tagId()) > 0;
        if (!known) {
            PendingTagRemoval removal = new PendingTagRemoval();
            removal.workspaceId = workspaceId;
            removal.contactId = contactId;
            removal.conversationId = tag.conversationId();
            removal.tagId = tag.tagId();
            removal.adminId = tag.adminId();
            removal.createdAt = now;
            removal.persistAndFlush();
        }
    }

    /** Claims up to {@code limit} due jobs for this worker: they become RUNNING under a lease. */
    List<SyncJob> claim(String worker, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Number> ids = entities.createNativeQuery("""
                    select id from sync_job
                    where (status = 'PENDING' and next_attempt_at <= :now)
                       or (status = 'RUNNING' and lease_until < :now)
                    order by next_attempt_at
                    limit :limit
                    for update skip locked""")
                    .setParameter("now", now)
                    .setParameter("limit", limit)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            List<SyncJob> jobs = SyncJob.list("id in ?1", ids.stream().map(Number::longValue).toList());
            List<SyncJob> claimed = new ArrayList<>();
            for (SyncJob job : jobs) {
                job.updatedAt = now;
                if (job.status == SyncJob.Status.RUNNING) {
                    // Its worker stopped without a word (a crash, a kill): that counts as a failed attempt, so a
                    // contact that brings instances down is given up rather than tried for ever.
                    job.attempts++;
                    job.lastError = "the instance writing it stopped before finishing";
                    if (job.attempts >= config.maxAttempts()) {
                        job.status = SyncJob.Status.FAILED;
                        job.lastOutcome = SyncOutcome.FAILED;
                        job.finishedAt = now;
                        release(job);
                        continue;
                    }
                }
                job.status = SyncJob.Status.RUNNING;
                job.claimedBy = worker;
                job.leaseUntil = now.plus(config.lease());
                claimed.add(job);
            }
            return claimed;
        });
    }

    /** The job ended (written, skipped, gone...): done, or pending again when a trigger came meanwhile. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void finish(SyncJob claimed, SyncOutcome outcome) {
        update(claimed, job -> {
            job.lastOutcome = outcome;
            job.finishedAt = clock.instant();
            job.attempts = 0;
            job.lastError = null;
            job.nextAttemptAt = clock.instant();
            job.queuedAt = clock.instant();
            if (job.rerun) {
                job.status = SyncJob.Status.PENDING;
            } else {
                job.status = SyncJob.Status.DONE;
                job.refetch = false;
            }
            release(job);
        });
    }

    /** The attempt failed in a way that may pass: retry with backoff, or give up after the last attempt. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void retryLater(SyncJob claimed, String reason) {
        update(claimed, job -> {
            job.attempts++;
            job.lastError = shorten(reason);
            if (job.attempts >= config.maxAttempts() && job.rerun) {
                // A new trigger came during the last attempt: it gets attempts of its own.
                job.attempts = 0;
                job.status = SyncJob.Status.PENDING;
                job.nextAttemptAt = clock.instant().plus(backoff(1));
            } else if (job.attempts >= config.maxAttempts()) {
                job.lastOutcome = SyncOutcome.FAILED;
                job.finishedAt = clock.instant();
                job.status = SyncJob.Status.FAILED;
            } else {
                job.status = SyncJob.Status.PENDING;
                job.nextAttemptAt = clock.instant().plus(backoff(job.attempts));
            }
            release(job);
        });
    }

    /** The attempt could not fail on its own merits (rate limit, refused token): wait, without counting it. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void postpone(SyncJob claimed, Instant until, String reason) {
        update(claimed, job -> {
            job.lastError = shorten(reason);
            job.status = SyncJob.Status.PENDING;
            job.nextAttemptAt = until;
            release(job);
        });
    }

    /** The attempt can never succeed (Intercom refuses the request itself): failed now. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void fail(SyncJob claimed, String reason) {
        update(claimed, job -> {
            job.attempts++;
            job.lastError = shorten(reason);
            job.lastOutcome = SyncOutcome.FAILED;
            job.finishedAt = clock.instant();
            job.status = SyncJob.Status.FAILED;
            release(job);
        });
    }

    private static void release(SyncJob job) {
        job.rerun = false;
        job.leaseUntil = null;
        job.claimedBy = null;
    }

    /**
     * Applies a change to the claimed job's current row, locked, unless another worker has taken it over
     * meanwhile. Triggers lock the row before changing it too, so the version check only fails in a race this
     * cannot see (then the caller's {@code @Retry} reapplies the change).
     */
    private void update(SyncJob claimed, Consumer<SyncJob> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob job = SyncJob.findById(claimed.id, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.status != SyncJob.Status.RUNNING || !claimed.claimedBy.equals(job.claimedBy)) {
                return;
            }
            change.accept(job);
            job.updatedAt = clock.instant();
        });
        queued.fire(new JobQueued());
    }

    /**
     * Keeps the leases of jobs this instance is still writing, so that no other instance takes them over. Rows a
     * trigger holds right now are skipped rather than waited for (waiting, in another order than the trigger's,
     * could deadlock); they are renewed at the next round, long before their lease lapses.
     */
    void extendLeases(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Number> free = entities.createNativeQuery("""
                    select id from sync_job
                    where id in (:ids) and status = 'RUNNING'
                    order by workspace_id, contact_id
                    for update skip locked""")
                    .setParameter("ids", List.copyOf(ids))
                    .getResultList();
            if (!free.isEmpty()) {
                SyncJob.update("leaseUntil = ?1 where id in ?2", clock.instant().plus(config.lease()),
                        free.stream().map(Number::longValue).toList());
            }
        });
    }

    /** Exponential backoff with full jitter between half and all of the step, capped. */
    Duration backoff(int attempts) {
        long initial = config.backoffInitial().toMillis();
        long step = Math.min(config.backoffMax().toMillis(), initial << Math.min(attempts - 1, 20));
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
