package app.carepanel.base;

import java.sql.SQLException;

/**
 * Names a failure by its innermost cause's type (and, for a database error, its SQL state): enough to log and
 * report, and never its message, which may carry the values of a request or a statement.
 */
public final class Causes {

    private Causes() {
    }

    public static String rootName(Throwable e) {
        Throwable cause = e;
        String sqlState = null;
        while (true) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (sqlState == null ? "" : " (SQL state " + sqlState + ")");
    }
}
