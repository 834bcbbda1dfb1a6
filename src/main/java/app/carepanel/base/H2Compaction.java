package app.carepanel.base;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the embedded H2 file near the size of its live data. With {@code WRITE_DELAY=0} (every commit on disk at
 * once, so that a killed process loses no acknowledged work) H2 writes a new chunk per commit and never runs the
 * background thread that compacts them: the file grew to ~200 MB after 1,000 syncs holding 4 MB of data. So the
 * app compacts it itself, for at most 100 ms at a time, through H2's MVStore (H2 has no SQL statement for it), and
 * then restores the 45 s retention of old chunks that compaction turns off. {@code DEFRAG_ALWAYS} in the default
 * URL rewrites the file at a normal stop. Only in an H2 build; PostgreSQL keeps its own house.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class H2Compaction {

    /** H2's default retention of chunks no longer used, kept so that a crash mid-write leaves a readable file. */
    static final int RETENTION_MILLIS = 45_000;
    static final int MOST_MILLIS_PER_RUN = 100;

    private final AgroalDataSource dataSource;

    H2Compaction(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent()) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                store.compactFile(MOST_MILLIS_PER_RUN);
                store.setRetentionTime(RETENTION_MILLIS);
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("The H2 file was not compacted this time: %s", Causes.rootName(e));
        }
    }
}
