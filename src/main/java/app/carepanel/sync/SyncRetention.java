package app.carepanel.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final SyncJobs jobs;
    private final SyncConfig config;
    private final Clock clock;

    SyncRetention(SyncJobs jobs, SyncConfig config, Clock clock) {
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetWhatIsNoLongerNeeded() {
        Instant now = clock.instant();
        Duration keepDone = config.unchangedSkipInterval().compareTo(SyncQueue.EMAIL_FRESHNESS) > 0
                ? config.unchangedSkipInterval() : SyncQueue.EMAIL_FRESHNESS;
        try {
            long done = QuarkusTransaction.requiringNew().call(() -> jobs.deleteDoneBefore(now.minus(keepDone)));
            long emails = QuarkusTransaction.requiringNew().call(() -> jobs.forgetEmailsSeenBefore(now.minus(SyncQueue.EMAIL_FRESHNESS)));
            if (done + emails > 0) {
                Log.infof("Forgot %d finished sync jobs and %d emails seen more than %d minutes ago", done, emails,
                        SyncQueue.EMAIL_FRESHNESS.toMinutes());
            }
        } catch (RuntimeException e) {
            Log.warnf("Old sync jobs were not forgotten this time: %s", Causes.rootName(e));
        }
    }
}
