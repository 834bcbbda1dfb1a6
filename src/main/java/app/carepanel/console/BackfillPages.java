package app.carepanel.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's backfill page (templates/BackfillPages), laid out by templates/ConsolePages/layout.html. */
@CheckedTemplate(basePath = "BackfillPages")
final class BackfillPages {

    private BackfillPages() {
    }

    static native TemplateInstance backfill(ConsoleView.Header header, BackfillView view);
}
