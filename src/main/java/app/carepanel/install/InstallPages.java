package app.carepanel.install;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The plain pages an admin may meet during an installation (templates/InstallPages). */
@CheckedTemplate(basePath = "InstallPages")
final class InstallPages {

    private InstallPages() {
    }

    /** The installation (or the console's sign-in) stopped here, with what happened and what to do, in plain words. */
    static native TemplateInstance refused(String reason, boolean signIn);
}
