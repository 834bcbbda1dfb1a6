package app.carepanel.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's access audit page (templates/AuditPages), laid out by templates/ConsolePages/layout.html. */
@CheckedTemplate(basePath = "AuditPages")
final class AuditPages {

    private AuditPages() {
    }

    static native TemplateInstance audit(ConsoleView.Header header, AuditView view);
}
