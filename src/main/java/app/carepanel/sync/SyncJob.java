package app.carepanel.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.IntFunction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The sync state of one contact in one workspace: the queue's unit of work, with every change of state it can go
 * through. There is one row per contact, so a trigger while the contact is pending adds nothing, and one while it
 * is running asks for one more run. {@link SyncJobs} holds every query on it.
 */
@Entity
@Table(name = "sync_job")
public class SyncJob extends PanacheEntityBase {

    public enum Status {
        PENDING, RUNNING, DONE, FAILED
    }

    /** The longest reason kept (the column's width). */
    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public String contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Failed attempts since the last success; waits for rate limits or a refused token do not count. */
    @Column(nullable = false)
    public int attempts;

    /** When the contact last became pending (triggers that coalesce into it do not move this). */
    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** While running: when the claim lapses, so that a crashed worker's job is picked up again. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_by")
    public String claimedBy;

    /** A trigger came while running: run once more afterwards. */
    @Column(nullable = false)
    public boolean rerun;

    /** Some trigger wants data straight from the platform, not from the panel's short cache. */
    @Column(nullable = false)
    public boolean refetch;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_trigger", nullable = false)
    public SyncTrigger lastTrigger;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    public SyncOutcome lastOutcome;

    /** Why the last attempt failed: the call and status, never client data. */
    @Column(name = "last_error", length = MAX_REASON)
    public String lastError;

    /** The contact's email as a trigger or the last read of the contact gave it, encrypted; null when unknown. */
    @Column(name = "contact_email")
    public String sealedEmail;

    /** When that email was seen. */
    @Column(name = "email_seen_at")
    public Instant emailSeenAt;

    /** A keyed digest of the values last written to the contact (never the values), to skip an unchanged write. */
    @Column(name = "written_fingerprint", length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String writtenFingerprint;

    /** When those values were written. */
    @Column(name = "written_at")
    public Instant writtenAt;

    /** When the client data the last finished run used was fetched; null when it used none. */
    @Column(name = "data_as_of")
    public Instant dataAsOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** A contact never synced before, pending now. */
    public static SyncJob first(String workspaceId, String contactId, SyncTrigger trigger, Instant now) {
        SyncJob job = new SyncJob();
        job.workspaceId = workspaceId;
        job.contactId = contactId;
        job.createdAt = now;
        job.queueAgain(trigger, now);
        return job;
    }

    /** True when the trigger would change nothing here: the row is then neither written nor locked. */
    boolean unmovedBy(SyncTrigger trigger, Instant now) {
        boolean asksRefetch = trigger.refetch() && !refetch;
        return switch (status) {
            case PENDING -> !asksRefetch && !(trigger.urgent() && nextAttemptAt.isAfter(now));
            case RUNNING -> rerun && !asksRefetch;
            default -> false;
        };
    }

    /**
     * True when the last finished run used client data at least as new as {@code shown} (what a view just showed),
     * and the contact has not failed since: the view has nothing new to write, so it needs no run, whether or not
     * another trigger's run is pending or under way. (Before, only a done contact counted: under a steady stream of
     * views each run under way was asked again, and the contact was synced back to back, UNCHANGED each time, for
     * seconds; in bench/profile.sh's cached views at 32 connections, 19 % of the bytes allocated.)
     */
    boolean syncedDataOf(Instant shown) {
        return status != Status.FAILED && shown != null && dataAsOf != null
                && !dataAsOf.isBefore(shown.truncatedTo(ChronoUnit.MICROS));
    }

    /** True when the last finished run used client data fetched later than {@code fetched}. */
    boolean usedDataNewerThan(Instant fetched) {
        return fetched != null && dataAsOf != null && dataAsOf.isAfter(fetched.truncatedTo(ChronoUnit.MICROS));
    }

    /** True when no trigger has brought an email since the last finished run: the email is the one it had. */
    boolean emailUnchangedSinceFinish() {
        return finishedAt != null && (emailSeenAt == null || !emailSeenAt.isAfter(finishedAt));
    }

    /**
     * A trigger for this contact. Returns true when it added work (the contact was done or failed), false when it
     * coalesced into work already pending or running.
     */
    boolean trigger(SyncTrigger trigger, Instant now) {
        switch (status) {
            case PENDING -> {
                refetch |= trigger.refetch();
                // Someone is waiting for this contact: neither a failure's backoff nor a far rate-limit pause may
                // keep them waiting; the limiter still holds the call until Intercom takes calls again.
                if (trigger.urgent() && nextAttemptAt.isAfter(now)) {
                    nextAttemptAt = now;
                }
                updatedAt = now;
                return false;
            }
            case RUNNING -> {
                rerun = true;
                refetch |= trigger.refetch();
                lastTrigger = trigger;
                updatedAt = now;
                return false;
            }
            default -> {
                queueAgain(trigger, now);
                return true;
            }
        }
    }

    /** The contact's email as a trigger gave it (sealed), or forgotten ({@code null}) when it has changed. */
    void emailSeen(String sealed, Instant at) {
        sealedEmail = sealed;
        emailSeenAt = sealed == null ? null : at;
    }

    private void queueAgain(SyncTrigger trigger, Instant now) {
        status = Status.PENDING;
        attempts = 0;
        queuedAt = now;
        nextAttemptAt = now;
        refetch = trigger.refetch();
        rerun = false;
        lastTrigger = trigger;
        lastError = null;
        updatedAt = now;
    }

    /** True when these very values were written to the contact at or after {@code since}. */
    boolean wroteAlikeSince(String fingerprint, Instant since) {
        return fingerprint.equals(writtenFingerprint) && writtenAt != null && !writtenAt.isBefore(since);
    }

    /** The values with this fingerprint were just written to the contact. */
    void written(String fingerprint, Instant at) {
        writtenFingerprint = fingerprint;
        writtenAt = at;
    }

    /** Taken by a worker until {@code leaseUntil}. */
    void claim(String worker, Instant until, Instant now) {
        status = Status.RUNNING;
        claimedBy = worker;
        leaseUntil = until;
        updatedAt = now;
    }

    /**
     * Its worker stopped without a word (a crash, a kill) and the lease lapsed: that counts as a failed attempt, so
     * a contact that brings instances down is given up rather than tried for ever. True when it was given up.
     */
    boolean abandoned(int maxAttempts, Instant now) {
        attempts++;
        lastError = "the instance writing it stopped before finishing";
        updatedAt = now;
        if (attempts >= maxAttempts) {
            end(Status.FAILED, SyncOutcome.FAILED, now);
            return true;
        }
        return false;
    }

    /**
     * The sync ended (written, skipped, gone...) having used client data fetched at {@code dataAsOf} (null when
     * none): done, or pending again when a trigger came meanwhile.
     */
    void finish(SyncOutcome outcome, Instant dataAsOf, Instant now) {
        // The column keeps microseconds: what a view compares it with is cut the same way.
        this.dataAsOf = dataAsOf == null ? null : dataAsOf.truncatedTo(ChronoUnit.MICROS);
        attempts = 0;
        lastError = null;
        nextAttemptAt = now;
        queuedAt = now;
        if (rerun) {
            lastOutcome = outcome;
            finishedAt = now;
            status = Status.PENDING;
            release();
        } else {
            refetch = false;
            end(Status.DONE, outcome, now);
        }
    }

    /** The attempt failed in a way that may pass: retry after the backoff, or give up after the last attempt. */
    void retryLater(String reason, int maxAttempts, IntFunction<Duration> backoff, Instant now) {
        attempts++;
        lastError = shorten(reason);
        if (attempts >= maxAttempts && rerun) {
            // A new trigger came during the last attempt: it gets attempts of its own.
            attempts = 0;
            pendingAt(now.plus(backoff.apply(1)));
        } else if (attempts >= maxAttempts) {
            end(Status.FAILED, SyncOutcome.FAILED, now);
        } else {
            pendingAt(now.plus(backoff.apply(attempts)));
        }
    }

    /** The attempt could not fail on its own merits (rate limit, refused token, a stop): wait, without counting it. */
    void postpone(Instant until, String reason) {
        lastError = shorten(reason);
        pendingAt(until);
    }

    /** The app is stopping: back to pending at once for the next instance, without counting an attempt. */
    void handBack(Instant now) {
        pendingAt(now);
    }

    /** The attempt can never succeed (Intercom refuses the request itself): failed now. */
    void fail(String reason, Instant now) {
        attempts++;
        lastError = shorten(reason);
        end(Status.FAILED, SyncOutcome.FAILED, now);
    }

    /** True while a worker holds it under a lease that has not lapsed. */
    boolean runningAt(Instant now) {
        return status == Status.RUNNING && leaseUntil != null && !leaseUntil.isBefore(now);
    }

    private void pendingAt(Instant at) {
        status = Status.PENDING;
        nextAttemptAt = at;
        release();
    }

    private void end(Status ended, SyncOutcome outcome, Instant now) {
        status = ended;
        lastOutcome = outcome;
        finishedAt = now;
        release();
    }

    private void release() {
        rerun = false;
        leaseUntil = null;
        claimedBy = null;
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }
}
