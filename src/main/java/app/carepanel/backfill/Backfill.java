package app.carepanel.backfill;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One walk over every contact of a workspace: a dry run that counts what a sync would do, or a real run that queues
 * each contact's sync. Its position (Intercom's cursor of the next page) and its counts are saved together after
 * each page. Ids and counts only, never client data. {@link Backfills} makes every change to it.
 */
@Entity
@Table(name = "backfill")
public class Backfill extends PanacheEntityBase {

    public enum State {
        RUNNING, DONE, CANCELLED, FAILED
    }

    static final int MAX_REASON = 500;
    static final int MAX_CURSOR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** Why it failed or who cancelled it, in words; no client data. */
    @Column(length = MAX_REASON)
    public String reason;

    /** The workspace id while running, null once ended: unique, so one backfill runs per workspace. */
    @Column(name = "running_workspace")
    public String runningWorkspace;

    /** Intercom's cursor of the next page; null before the first page. */
    @Column(name = "cursor_after", length = MAX_CURSOR)
    public String cursorAfter;

    /** Pages done. */
    @Column(nullable = false)
    public int pages;

    /** How many contacts Intercom says the workspace holds; null until a page said so. */
    public Long total;

    @Column(nullable = false)
    public long seen;

    @Column(name = "would_write", nullable = false)
    public long wouldWrite;

    @Column(nullable = false)
    public long queued;

    @Column(nullable = false)
    public long unchanged;

    @Column(name = "no_account", nullable = false)
    public long noAccount;

    @Column(name = "excluded_email", nullable = false)
    public long excludedEmail;

    @Column(nullable = false)
    public long failed;

    /** The admin id who started it in the console, or {@code api}. */
    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The instance walking it, under a lease; null while no one is (just started, or handed back at a stop). */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    boolean running() {
        return state == State.RUNNING;
    }

    /** It ended: done, cancelled or failed; another may start in its workspace. */
    void end(State ended, String why, Instant now) {
        state = ended;
        reason = why == null || why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 3) + "...";
        runningWorkspace = null;
        claimedBy = null;
        leaseUntil = null;
        finishedAt = now;
        updatedAt = now;
    }

    /** Adds a page's counts. */
    void add(Tally tally) {
        seen += tally.seen;
        wouldWrite += tally.wouldWrite;
        queued += tally.queued;
        unchanged += tally.unchanged;
        noAccount += tally.noAccount;
        excludedEmail += tally.excludedEmail;
        failed += tally.failed;
    }

    @Override
    public String toString() {
        return "Backfill[id=" + id + ", workspace=" + workspaceId + ", dryRun=" + dryRun + ", state=" + state + "]";
    }
}
