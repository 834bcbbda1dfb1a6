import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements an H2 database ran since it opened that name a table, most time first, each with what H2's plan
 * reads it through: an index, or a table scan. The database must have been opened with QUERY_STATISTICS=TRUE (and
 * AUTO_SERVER=TRUE to ask it while the app holds it).
 *   java -cp h2.jar bench/perf/H2Plans.java JDBC_URL TABLE
 */
public class H2Plans {

    private static final Pattern READ_THROUGH = Pattern.compile("/\\* PUBLIC\\.([A-Za-z0-9_.]+)");

    public static void main(String[] args) throws SQLException {
        String table = args[1].toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(args[0], "", "");
                Statement statement = connection.createStatement();
                ResultSet stats = statement.executeQuery("select sql_statement, execution_count,"
                        + " cumulative_execution_time, max_execution_time from information_schema.query_statistics"
                        + " order by cumulative_execution_time desc")) {
            System.out.println("| runs | total ms | most ms | read through | statement |");
            System.out.println("|---|---|---|---|---|");
            while (stats.next()) {
                String sql = stats.getString(1).replaceAll("\\s+", " ").trim();
                String lower = sql.toLowerCase(Locale.ROOT);
                if (!lower.contains(table) || lower.startsWith("explain") || lower.startsWith("insert")) {
                    continue;
                }
                System.out.printf("| %d | %.0f | %.1f | %s | `%s` |%n", stats.getLong(2), stats.getDouble(3),
                        stats.getDouble(4), readThrough(connection, sql), shown(sql));
            }
        }
    }

    /** The statement from its table on (a select's columns say nothing of how it reads), at most 160 characters. */
    private static String shown(String sql) {
        int from = sql.toLowerCase(Locale.ROOT).indexOf(" from ");
        String shown = sql.toLowerCase(Locale.ROOT).startsWith("select") && from > 0 ? "select …" + sql.substring(from) : sql;
        return shown.length() > 160 ? shown.substring(0, 160) + "…" : shown;
    }

    /** The indexes (or TABLE.tableScan) the plan names, or why there is no plan. */
    private static String readThrough(Connection connection, String sql) {
        try (Statement explain = connection.createStatement(); ResultSet plan = explain.executeQuery("explain " + sql)) {
            StringBuilder reads = new StringBuilder();
            while (plan.next()) {
                Matcher read = READ_THROUGH.matcher(plan.getString(1));
                while (read.find()) {
                    reads.append(reads.length() == 0 ? "" : ", ").append(read.group(1));
                }
            }
            return reads.length() == 0 ? "-" : reads.toString();
        } catch (SQLException e) {
            return "no plan (" + e.getErrorCode() + ")";
        }
    }
}
