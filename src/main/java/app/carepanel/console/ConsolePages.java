package app.carepanel.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages (templates/ConsolePages), laid out by templates/ConsolePages/layout.html. */
@CheckedTemplate(basePath = "ConsolePages")
final class ConsolePages {

    private ConsolePages() {
    }

    static native TemplateInstance overview(ConsoleView.Header header, ConsoleView.Overview view);

    /** The overview's sync state alone, which the page fetches again every few seconds (htmx). */
    static native TemplateInstance overview$state(ConsoleView.Header header, ConsoleView.Overview view);

    static native TemplateInstance preview(ConsoleView.Header header, ConsoleView.Preview view);

    /** {@code refused}: the save had problems, listed at the top of the form and beside each field. */
    static native TemplateInstance settings(ConsoleView.Header header, java.util.List<SettingsForm.Field> fields,
            String notice, boolean refused);

    static native TemplateInstance message(String title, String text, boolean signInAgain);
}
