package app.carepanel.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A backfill's progress as JSON ({@code GET /sync/backfill/{id}}, and the console's page): its state, counts, the
 * percentage when Intercom gave a total, and the seconds left at the pace so far. {@code would_write} counts in a
 * dry run, {@code queued} in a real one.
 */
public record BackfillProgress(
        long id,
        @JsonProperty("workspace_id") String workspaceId,
        @JsonProperty("dry_run") boolean dryRun,
        String state,
        String reason,
        Counts counts,
        Long total,
        Integer percent,
        @JsonProperty("estimated_seconds_left") Long estimatedSecondsLeft,
        int pages,
        @JsonProperty("started_by") String startedBy,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("finished_at") Instant finishedAt) {

    public record Counts(
            long seen,
            @JsonProperty("would_write") long wouldWrite,
            long queued,
            long unchanged,
            @JsonProperty("no_account") long noAccount,
            @JsonProperty("excluded_or_invalid_email") long excludedOrInvalidEmail,
            long failed) {
    }

    public static BackfillProgress of(Backfill backfill, Instant now) {
        Counts counts = new Counts(backfill.seen, backfill.wouldWrite, backfill.queued, backfill.unchanged,
                backfill.noAccount, backfill.excludedEmail, backfill.failed);
        return new BackfillProgress(backfill.id, backfill.workspaceId, backfill.dryRun,
                backfill.state.name().toLowerCase(Locale.ROOT), backfill.reason, counts, backfill.total,
                percent(backfill), secondsLeft(backfill, now), backfill.pages, backfill.startedBy, backfill.startedAt,
                backfill.updatedAt, backfill.finishedAt);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** 100 once done; while running, never 100 before the last page (the total can be out of date). */
    static Integer percent(Backfill backfill) {
        if (backfill.state == Backfill.State.DONE) {
            return 100;
        }
        if (backfill.total == null || backfill.total <= 0) {
            return backfill.total == null ? null : 0;
        }
        int percent = (int) Math.min(100, backfill.seen * 100 / backfill.total);
        return backfill.running() ? Math.min(99, percent) : percent;
    }

    /** Contacts left at the pace since the start; unknown without a total or before the first page. */
    static Long secondsLeft(Backfill backfill, Instant now) {
        if (backfill.state == Backfill.State.DONE) {
            return 0L;
        }
        if (!backfill.running() || backfill.total == null || backfill.seen <= 0) {
            return null;
        }
        long left = Math.max(0, backfill.total - backfill.seen);
        long elapsedMillis = Math.max(1, Duration.between(backfill.startedAt, now).toMillis());
        return (long) Math.ceil(left * (elapsedMillis / 1000.0) / backfill.seen);
    }
}
