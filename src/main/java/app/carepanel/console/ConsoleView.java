package app.carepanel.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the console's pages show, already in words: the templates only lay it out. */
final class ConsoleView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleView() {
    }

    /** Whose console it is; {@code csrf} goes in every form; {@code dev}: the dev-mode preview, not signed in. */
    record Header(String workspaceId, String adminId, String csrf, boolean dev) {
    }

    record Overview(String installed, List<Count> counts, String oldestPending, String lastWrite,
            List<Failure> failures, String rateLimit, List<String> attributeProblems, boolean canUninstall,
            String notice) {
    }

    record Count(String label, long value) {
    }

    record Failure(String contactId, String state, int attempts, String reason, String at) {
    }

    /**
     * The preview page: the form's values, the sample emails (dev mode), the drawn canvas and its JSON when there is
     * one, where its forms go ({@code action}), a problem with the input in words, and, for a contact id, what
     * Intercom holds of this app's attributes ({@code held}) with a note on when the sync last wrote.
     */
    record Preview(String email, String contactId, List<String> samples, CanvasDrawing canvas, String json,
            String action, String problem, List<CanvasDrawing.Row> held, String heldNote) {

        Preview(String email, String contactId, List<String> samples, String action, String problem) {
            this(email, contactId, samples, null, null, action, problem, List.of(), null);
        }
    }

    static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }

    static String age(Duration age) {
        if (age == null) {
            return "none waiting";
        }
        long seconds = age.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds < 7_200 ? seconds / 60 + " min" : seconds / 3_600 + " h";
    }
}
