package app.carepanel.base;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the embedded H2 file near the size of its live data. With {@code WRITE_DELAY=0} (every commit on disk at
 * once, so that a killed process loses no acknowledged work) H2 writes a new chunk of the file per commit and never
 * runs the background thread that compacts them: the file grew to ~200 MB after 1,000 syncs holding 4 MB of data.
 * So the app compacts it itself, every two seconds for at most {@value #MOST_MILLIS_PER_RUN} ms (commits wait
 * meanwhile), through H2's MVStore: H2 has no SQL statement for it. {@code RETENTION_TIME=0} in the default URL lets freed space be reused at once, and
 * {@code DEFRAG_ALWAYS} rewrites the file at a normal stop. Only in an H2 build; PostgreSQL keeps its own house.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class H2Compaction {

    static final int MOST_MILLIS_PER_RUN = 100;
    /**
     * Compacts only once live data fills less than this share of the file's chunks, or of the file (free gaps
     * between chunks). Compacting a file that is
     * already nearly full took 0.2-0.45 s a run (not the 100 ms asked), every 2 s under a steady load, and the
     * commits waiting meanwhile made the view's p99 at a fixed 500 req/s 0.1-0.4 s.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 60;

    private final AgroalDataSource dataSource;
    private final Timer runs;

    H2Compaction(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.runs = Timer.builder("care_panel.h2.compaction").description("Runs of the H2 file's compaction")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    @Scheduled(every = "2s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent()) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                FileStore<?> file = store.getFileStore();
                if (file.getChunksFillRate() < COMPACT_BELOW_FILL_PERCENT || file.getFillRate() < COMPACT_BELOW_FILL_PERCENT) {
                    runs.record(() -> store.compactFile(MOST_MILLIS_PER_RUN));
                }
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("The H2 file was not compacted this time: %s", Causes.rootName(e));
        }
    }
}
