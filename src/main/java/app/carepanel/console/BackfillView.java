package app.carepanel.console;

import java.util.ArrayList;
import java.util.List;

import app.carepanel.backfill.BackfillProgress;
import app.carepanel.backfill.Backfills;

/**
 * The backfill page in words: a notice, the workspace's current or last backfill, and whether one runs (then the
 * start buttons wait). The page's script keeps the same words as {@link #timeLeft} when it updates them.
 */
record BackfillView(String notice, Current current, boolean running) {

    /** A backfill as the page shows it; {@code statusUrl} is what the page's script polls. */
    record Current(long id, String kind, String state, boolean running, boolean percentKnown,
            int percent, String percentText, List<Count> counts, String total, String timeLeft, String started,
            String statusUrl) {
    }

    /** One count, under the key its JSON carries, so that the script updates it. */
    record Count(String key, String label, long value) {
    }

    static BackfillView of(String notice, BackfillProgress progress) {
        if (progress == null) {
            return new BackfillView(notice, null, false);
        }
        BackfillProgress.Counts counts = progress.counts();
        List<Count> shown = new ArrayList<>();
        shown.add(new Count("seen", "Contacts seen", counts.seen()));
        if (progress.dryRun()) {
            shown.add(new Count("would_write", "Would write", counts.wouldWrite()));
            shown.add(new Count("unchanged", "Unchanged", counts.unchanged()));
            shown.add(new Count("no_account", "No platform account", counts.noAccount()));
        } else {
            shown.add(new Count("queued", "Queued", counts.queued()));
        }
        shown.add(new Count("excluded_or_invalid_email", "Excluded or invalid email", counts.excludedOrInvalidEmail()));
        shown.add(new Count("failed", "Failed", counts.failed()));
        String started = "Started " + ConsoleView.when(progress.startedAt()) + " by "
                + (Backfills.BY_API.equals(progress.startedBy()) ? "the sync API" : "admin " + progress.startedBy())
                + (progress.finishedAt() == null ? "" : "; ended " + ConsoleView.when(progress.finishedAt()));
        Current current = new Current(progress.id(), progress.dryRun() ? "Dry run" : "Write every contact",
                stateWords(progress.state()), progress.running(), progress.percent() != null,
                progress.percent() == null ? 0 : progress.percent(), percentText(progress), List.copyOf(shown),
                progress.total() == null ? "not known yet" : String.valueOf(progress.total()), timeLeft(progress),
                started, "/admin/backfill/" + progress.id());
        return new BackfillView(notice, current, progress.running());
    }

    static String stateWords(String state) {
        return switch (state) {
            case "running" -> "Running";
            case "done" -> "Done";
            case "cancelled" -> "Cancelled";
            default -> "Failed";
        };
    }

    static String percentText(BackfillProgress progress) {
        return progress.percent() == null ? "total not known yet" : progress.percent() + " %";
    }

    static String timeLeft(BackfillProgress progress) {
        switch (progress.state()) {
            case "done":
                return "Finished.";
            case "cancelled":
            case "failed":
                return stateWords(progress.state()) + (progress.reason() == null ? "" : ": " + progress.reason()) + ".";
            default:
                Long seconds = progress.estimatedSecondsLeft();
                if (seconds == null) {
                    return "Estimating the time left…";
                }
                return seconds < 120 ? "About " + seconds + " s left" : "About " + Math.round(seconds / 60.0) + " min left";
        }
    }
}
