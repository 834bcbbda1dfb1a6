package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.faulttolerance.Retry;

import app.carepanel.base.Encryption;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue of contact syncs. Every change is committed before its call returns, so what is acknowledged
 * is stored (a worker's claims and changes to its claimed jobs share transactions with other workers',
 * {@link QueueCommits}).
 * Jobs are claimed with row locks that other instances skip ({@code FOR UPDATE SKIP LOCKED}) and a lease, so that
 * several instances share one database without doing a job twice and a crashed instance's jobs are picked up again
 * once their lease lapses. A contact's email travels with its job, encrypted, so that the sync need not read the
 * contact back from Intercom while the email is fresh.
 */
@ApplicationScoped
public class SyncQueue {

    /** How long an email seen for a contact is used instead of reading the contact again. */
    static final Duration EMAIL_FRESHNESS = Duration.ofMinutes(10);

    private final SyncJobs jobs;
    private final SyncConfig config;
    private final Encryption encryption;
    private final Clock clock;
    private final Event<JobQueued> queued;
    private final SyncedViews syncedViews;
    private final QueueCommits commits;

    SyncQueue(SyncJobs jobs, SyncConfig config, Encryption encryption, Clock clock, Event<JobQueued> queued,
            SyncedViews syncedViews, QueueCommits commits) {
        this.syncedViews = syncedViews;
        this.commits = commits;
        this.jobs = jobs;
        this.config = config;
        this.encryption = encryption;
        this.clock = clock;
        this.queued = queued;
    }

    /** Signals local workers that work may be waiting. */
    public record JobQueued() {
    }

    /**
     * Asks for a sync of the contact, in a transaction of its own. Returns false when it coalesced into work
     * already pending. A webhook joins its own transaction with {@link #enqueueInCurrentTransaction}. (Handed to
     * the writer of {@link QueueCommits}, repeated views of one contact queued behind it: cached views at 32
     * connections fell from 2,718 to 1,390–1,547 req/s in bench/perf.sh. Tried again once views of synced data
     * were held back: under cold views at 64 connections the one writer thread became the bottleneck, each new
     * job's flush checked the whole batch, and the app's CPU per view with its sync rose from 3.2 to 4.5 ms; with
     * those flushes avoided, to 4.9-5.1 ms, the triggers waiting for the writer filling the heap: the collector's
     * thread used 8.8 s of CPU in the run instead of 2.1-3.2 s.)
     */
    @Retry(maxRetries = 3, delay = 20, jitter = 20)
    public boolean enqueue(SyncRequest request) {
        boolean added = QuarkusTransaction.requiringNew().call(() -> enqueueInCurrentTransaction(request));
        // Coalesced work needs no worker woken, unless a person waits and the job may have become due now.
        if (added || request.trigger().urgent()) {
            queued.fire(new JobQueued());
        }
        return added;
    }

    /**
     * As {@link #enqueue}, inside the caller's transaction (which must commit before the caller acknowledges).
     * A trigger that adds nothing to pending work leaves the row untouched, so a burst of them does not contend.
     */
    public boolean enqueueInCurrentTransaction(SyncRequest request) {
        Instant now = clock.instant();
        request.tag().ifPresent(tag -> PendingTagRemoval.remember(request.workspaceId(), request.contactId(), tag, now));
        Optional<SyncJob> existing = jobs.of(request.workspaceId(), request.contactId());
        if (existing.isEmpty()) {
            SyncJob job = SyncJob.first(request.workspaceId(), request.contactId(), request.trigger(), now);
            request.email().ifPresent(email -> job.emailSeen(seal(job, email), now));
            job.persistAndFlush();
            return true;
        }
        SyncJob job = existing.get();
        if (nothingToAdd(job, request, now)) {
            return false;
        }
        boolean emailNews = emailNews(job, request, now);
        jobs.lock(job);
        if (emailNews) {
            job.emailSeen(request.email().map(email -> seal(job, email)).orElse(null), now);
        }
        return job.trigger(request.trigger(), now);
    }

    /**
     * True when the request asks for nothing the job does not already hold: a view of data already written under
     * the same email (remembered for a minute once the contact is done), or a trigger that changes nothing pending.
     * While another trigger's run is pending or under way, the email must be the one the last finished run had,
     * and a stale one is still refreshed.
     */
    private boolean nothingToAdd(SyncJob job, SyncRequest request, Instant now) {
        boolean shownWritten = request.shownDataAsOf().map(job::syncedDataOf).orElse(false) && sameEmail(job, request);
        if (shownWritten && job.status == SyncJob.Status.DONE) {
            syncedViews.remember(request);
            return true;
        }
        boolean coveredByLastRun = shownWritten && job.emailUnchangedSinceFinish();
        return (coveredByLastRun || job.unmovedBy(request.trigger(), now)) && !emailNews(job, request, now);
    }

    /** True when the request tells the job something about the email: a new or refreshed one, or that it changed. */
    private boolean emailNews(SyncJob job, SyncRequest request, Instant now) {
        if (request.trigger() == SyncTrigger.EMAIL_CHANGED) {
            return job.sealedEmail != null;
        }
        if (request.email().isEmpty()) {
            return false;
        }
        boolean stale = job.emailSeenAt == null || job.emailSeenAt.isBefore(now.minus(EMAIL_FRESHNESS.dividedBy(2)));
        return stale || !request.email().get().equals(openEmail(job).orElse(null));
    }

    /** True when the request names the email the job last saw for the contact (however long ago). */
    private boolean sameEmail(SyncJob job, SyncRequest request) {
        return request.email().isPresent() && request.email().equals(openEmail(job));
    }

    /** The email last seen for the job's contact while it is fresh; empty when unknown, old or unreadable. */
    Optional<String> freshEmail(SyncJob job) {
        if (job.emailSeenAt == null || job.emailSeenAt.isBefore(clock.instant().minus(EMAIL_FRESHNESS))) {
            return Optional.empty();
        }
        return openEmail(job);
    }

    private Optional<String> openEmail(SyncJob job) {
        if (job.sealedEmail == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(encryption.open(job.sealedEmail, emailContext(job)));
        } catch (Encryption.Unreadable e) {
            return Optional.empty();
        }
    }

    private String seal(SyncJob job, String email) {
        return encryption.seal(email, emailContext(job));
    }

    private static String emailContext(SyncJob job) {
        return "sync_job/" + job.workspaceId + "/" + job.contactId;
    }

    /** Claims up to {@code limit} due jobs (and lapsed ones of a stopped instance) for this worker. */
    List<SyncJob> claim(String worker, int limit) {
        return commits.claim(worker, limit);
    }

    /**
     * The job ended (written, skipped, gone...). What was written is remembered by its fingerprint; the email the
     * run read from Intercom is kept for a re-run, unless a trigger brought one while it ran (which is newer).
     */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void finish(SyncJob claimed, ContactSync.Result result) {
        update(claimed, job -> {
            Instant now = clock.instant();
            boolean newerSeen = job.emailSeenAt != null && job.emailSeenAt.isAfter(claimed.updatedAt);
            if (result.readEmail().isPresent() && !newerSeen) {
                job.emailSeen(seal(job, result.readEmail().get()), now);
            }
            result.fingerprint().ifPresent(fingerprint -> job.written(fingerprint, now));
            job.finish(result.outcome(), result.dataAsOf().orElse(null), now);
        });
    }

    /** The attempt failed in a way that may pass: retry with backoff, or give up after the last attempt. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void retryLater(SyncJob claimed, String reason) {
        update(claimed, job -> job.retryLater(reason, config.maxAttempts(), this::backoff, clock.instant()));
    }

    /** The attempt could not fail on its own merits (rate limit, refused token): wait, without counting it. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void postpone(SyncJob claimed, Instant until, String reason) {
        update(claimed, job -> job.postpone(until, reason));
    }

    /** The app is stopping before the contact was written: pending again at once, without counting an attempt. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void handBack(SyncJob claimed) {
        update(claimed, job -> job.handBack(clock.instant()));
    }

    /** The attempt can never succeed (Intercom refuses the request itself): failed now. */
    @Retry(maxRetries = 5, delay = 10, jitter = 10)
    void fail(SyncJob claimed, String reason) {
        update(claimed, job -> job.fail(reason, clock.instant()));
    }

    /**
     * Applies a change to the claimed job's current row, locked, unless another worker has taken it over
     * meanwhile ({@link QueueCommits}). Triggers lock the row before changing it too, so the version check only fails
     * in a race this cannot see (then the caller's {@code @Retry} reapplies the change).
     */
    private void update(SyncJob claimed, Consumer<SyncJob> change) {
        // Only a job due again at once (a re-run, a job handed back) wants a worker now; a woken worker that finds
        // nothing still costs a claim transaction.
        if (commits.apply(claimed, change)) {
            queued.fire(new JobQueued());
        }
    }

    /** Keeps the leases of jobs this instance is still writing, so that no other instance takes them over. */
    void extendLeases(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> jobs.extendLeases(ids, clock.instant().plus(config.lease())));
        }
    }

    /** Exponential backoff with full jitter between half and all of the step, capped. */
    Duration backoff(int attempts) {
        long initial = config.backoffInitial().toMillis();
        long step = Math.min(config.backoffMax().toMillis(), initial << Math.min(attempts - 1, 20));
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }
}
