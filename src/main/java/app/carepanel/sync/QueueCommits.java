package app.carepanel.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.base.Causes;
import app.carepanel.base.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The workers' claims and their changes to claimed jobs (finished, retried, postponed, handed back, failed), by
 * group commit: what the workers hand in at the same moment is done in one transaction, and each worker goes on
 * only once its own part is committed. In a drain at a high budget many workers end a job and claim the next at
 * once, and a commit for each was most of a sync's cost in the database. Triggers keep their own transactions.
 */
@ApplicationScoped
class QueueCommits {

    /** The most claims and changes one transaction takes. */
    private static final int MOST_PER_BATCH = 64;
    /** How long a worker waits for its part before it gives up (a change's job is then taken over after its lease). */
    private static final long WAIT_SECONDS = 30;

    private sealed interface Work permits Change, Claim {
    }

    /** Every batch locks its changes' rows in this order, as webhooks and lease renewals do. */
    private static final Comparator<Change> LOCK_ORDER = Comparator
            .comparing((Change change) -> change.claimed.workspaceId).thenComparing(change -> change.claimed.contactId);

    /** A worker's claim of up to {@code limit} due jobs; {@code claimed} holds them once done. */
    private static final class Claim implements Work {
        final String worker;
        final int limit;
        final List<SyncJob> claimed = new ArrayList<>();

        Claim(String worker, int limit) {
            this.worker = worker;
            this.limit = limit;
        }
    }

    /** A change to a claimed job; {@code dueAgain} is set once it is applied. */
    private final class Change implements Work {
        final SyncJob claimed;
        final Consumer<SyncJob> change;
        boolean dueAgain;

        Change(SyncJob claimed, Consumer<SyncJob> change) {
            this.claimed = claimed;
            this.change = change;
        }

        /** Changes the job's current row, locked, unless another worker has taken it over meanwhile. */
        void apply() {
            dueAgain = jobs.locked(claimed.id)
                    .filter(job -> job.status == SyncJob.Status.RUNNING && claimed.claimedBy.equals(job.claimedBy))
                    .map(job -> {
                        change.accept(job);
                        job.updatedAt = clock.instant();
                        return job.status == SyncJob.Status.PENDING && !job.nextAttemptAt.isAfter(job.updatedAt);
                    }).orElse(false);
        }
    }

    private final SyncJobs jobs;
    private final SyncConfig config;
    private final Clock clock;
    private final GroupCommit<Work> work;

    QueueCommits(SyncJobs jobs, SyncConfig config, Clock clock, MeterRegistry metrics) {
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
        // A version clash or a deadlock fails the whole transaction; each part is then done alone, so that only the
        // clashing one fails (and its caller's @Retry does it again).
        this.work = new GroupCommit<>("sync-queue", MOST_PER_BATCH, this::doAll, GroupCommit::oneItemsFault, metrics,
                "Sync job claims and changes committed in one transaction");
        // A claim committed after its worker gave up would hold its jobs until their lease lapsed, and count an
        // attempt against each: they are handed back at once instead.
        this.work.whenCommittedUnawaited(given -> {
            if (given instanceof Claim claim) {
                claim.claimed.forEach(job -> work.handIn(new Change(job, held -> held.handBack(clock.instant())))
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                Log.warnf("Sync job %d, claimed after its worker gave up, waits for its lease to lapse: %s",
                                        job.id, Causes.rootName(failure));
                            }
                        }));
            }
        });
    }

    void start(@Observes StartupEvent started) {
        work.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        work.stop(TimeUnit.SECONDS.toMillis(10));
    }

    /** Claims up to {@code limit} due jobs (and lapsed ones of a stopped instance) for this worker. */
    List<SyncJob> claim(String worker, int limit) {
        Claim claim = new Claim(worker, limit);
        work.write(claim, WAIT_SECONDS);
        return claim.claimed;
    }

    /**
     * Applies the change to the claimed job's current row, locked, unless another worker has taken it over
     * meanwhile; returns once it is committed, true when the job is due again at once.
     */
    boolean apply(SyncJob claimed, Consumer<SyncJob> change) {
        Change handedIn = new Change(claimed, change);
        work.write(handedIn, WAIT_SECONDS);
        return handedIn.dueAgain;
    }

    /**
     * The changes first, their rows locked in one order (workspace, then contact), the order webhooks and lease
     * renewals lock rows in, so that a batch and another transaction never wait on each other in a circle; then the
     * claims, which skip rows held elsewhere rather than wait, and may take a job that the batch made due.
     */
    private void doAll(List<Work> batch) {
        batch.stream().filter(Change.class::isInstance).map(Change.class::cast).sorted(LOCK_ORDER)
                .forEach(Change::apply);
        List<Claim> claims = batch.stream().filter(Claim.class::isInstance).map(Claim.class::cast).toList();
        if (!claims.isEmpty()) {
            claim(claims);
        }
    }

    /** Locks enough due (then lapsed) jobs for every claim at once, and deals them out in turn. */
    private void claim(List<Claim> claims) {
        claims.forEach(claim -> claim.claimed.clear());
        Instant now = clock.instant();
        int wanted = claims.stream().mapToInt(claim -> claim.limit).sum();
        List<SyncJob> found = new ArrayList<>(jobs.due(now, wanted));
        if (found.size() < wanted) {
            found.addAll(jobs.lapsed(now, wanted - found.size()));
        }
        int next = 0;
        for (SyncJob job : found) {
            if (job.status == SyncJob.Status.RUNNING && job.abandoned(config.maxAttempts(), now)) {
                continue;
            }
            while (claims.get(next).claimed.size() >= claims.get(next).limit) {
                next = (next + 1) % claims.size();
            }
            Claim claim = claims.get(next);
            job.claim(claim.worker, now.plus(config.lease()), now);
            claim.claimed.add(job);
            next = (next + 1) % claims.size();
        }
    }
}
