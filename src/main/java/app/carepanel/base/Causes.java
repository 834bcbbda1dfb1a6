package app.carepanel.base;

/** Names a failure by its innermost cause's type: enough to log and report, and never carries its message. */
public final class Causes {

    private Causes() {
    }

    public static String rootName(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
