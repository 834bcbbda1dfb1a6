package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.carepanel.base.Causes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the queue as small as the work in hand, however many contacts were ever synced: a finished job is
 * forgotten once its fingerprint can no longer skip a write and its email is no longer used (a later trigger
 * starts a new row), and an email seen for a contact is forgotten once it is no longer fresh. Failed jobs stay,
 * for {@code /sync/status}.
 */
@ApplicationScoped
class SyncRetention {

    /**
     * Jobs one transaction goes through. A transaction over the whole table, as before, updated 50,000 rows at once
     * ten minutes after a drain of as many contacts: H2 could free none of its file's old chunks until it ended, and
     * cached views in the meantime made a third of the usual number a second (bench/results/after-11.md).
     */
    static final int JOBS_PER_TRANSACTION = 1000;

    private record Pass(long lastId, long deleted, long forgotten) {
    }

    private final SyncJobs jobs;
    private final SyncConfig config;
    private final Clock clock;
    private final int jobsPerTransaction;

    @Inject
    SyncRetention(SyncJobs jobs, SyncConfig config, Clock clock) {
        this(jobs, config, clock, JOBS_PER_TRANSACTION);
    }

    SyncRetention(SyncJobs jobs, SyncConfig config, Clock clock, int jobsPerTransaction) {
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
        this.jobsPerTransaction = jobsPerTransaction;
    }

    /** Goes through the table in id order, a page of jobs per transaction, each read and changed by primary key. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetWhatIsNoLongerNeeded() {
        Instant now = clock.instant();
        Duration keepDone = config.unchangedSkipInterval().compareTo(SyncQueue.EMAIL_FRESHNESS) > 0
                ? config.unchangedSkipInterval() : SyncQueue.EMAIL_FRESHNESS;
        Instant doneBefore = now.minus(keepDone);
        Instant seenBefore = now.minus(SyncQueue.EMAIL_FRESHNESS);
        long done = 0;
        long emails = 0;
        long afterId = Long.MIN_VALUE;
        try {
            while (true) {
                long from = afterId;
                Pass pass = QuarkusTransaction.requiringNew().call(() -> page(from, doneBefore, seenBefore));
                if (pass == null) {
                    break;
                }
                done += pass.deleted();
                emails += pass.forgotten();
                afterId = pass.lastId();
            }
        } catch (RuntimeException e) {
            // The pages before stay done; the rest waits for the next run.
            Log.warnf("Old sync jobs %s were not forgotten this time: %s",
                    afterId == Long.MIN_VALUE ? "from the first" : "after id " + afterId, Causes.rootName(e));
        }
        if (done + emails > 0) {
            Log.infof("Forgot %d finished sync jobs and %d emails seen more than %d minutes ago", done, emails,
                    SyncQueue.EMAIL_FRESHNESS.toMinutes());
        }
    }

    /** The next page of jobs after {@code afterId}, gone through; null when there is none. */
    private Pass page(long afterId, Instant doneBefore, Instant seenBefore) {
        List<SyncJobs.Aging> page = jobs.agingAfter(afterId, jobsPerTransaction);
        if (page.isEmpty()) {
            return null;
        }
        List<Long> done = page.stream().filter(job -> job.doneBefore(doneBefore)).map(SyncJobs.Aging::id).toList();
        List<Long> stale = page.stream().filter(job -> job.emailSeenBefore(seenBefore)).map(SyncJobs.Aging::id).toList();
        // The statements check the conditions again: a job may have been queued again since the page was read.
        return new Pass(page.get(page.size() - 1).id(), jobs.deleteDoneBefore(doneBefore, done),
                jobs.forgetEmailsSeenBefore(seenBefore, stale));
    }
}
