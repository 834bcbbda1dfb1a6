package app.carepanel.base;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the embedded H2 file near the size of its live data. With {@code WRITE_DELAY=0} (every commit on disk at
 * once, so that a killed process loses no acknowledged work) H2 writes a new chunk of the file per commit and never
 * runs its background housekeeping: the file grew to ~200 MB after 1,000 syncs holding 4 MB of data. So the app
 * does that housekeeping itself, every second, through H2's MVStore (H2 has no SQL statement for it). Commits wait
 * while it holds H2's store lock, so what it does depends on whether anything was committed since its last step:
 * <ul>
 * <li>Busy, it takes small steps, as H2's own thread would: while live data fills less than
 * {@value #BUSY_FILL_PERCENT} % of the chunks, it writes again the live pages of up to {@value #REWRITE_BYTES} bytes
 * of the emptiest chunks, so that they fall free and new chunks reuse their space; while chunks fill less than
 * {@value #BUSY_FILL_PERCENT} % of the file, it moves up to {@value #MOVE_BYTES} bytes of chunks into the gaps nearer
 * its start, and the file shrinks. A step took 15-20 ms under the cached load of {@code bench/perf.sh}, where
 * {@code MVStore.compactFile} (a loop with a sync of the file per pass) took 0.1-0.45 s and halved the views a
 * second.</li>
 * <li>Idle, below {@value #IDLE_FILL_PERCENT} % (H2's own target), it runs {@code MVStore.compactFile} for up to
 * {@value #IDLE_MILLIS} ms, which brings the file close to its live data.</li>
 * </ul>
 * Chunks without live data are freed at once: the step sets H2's retention time to 0, as {@code RETENTION_TIME=0} in
 * the default URL does. {@code DEFRAG_ALWAYS} rewrites the file at a normal stop. Only in an H2 build; PostgreSQL
 * keeps its own house.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class H2Compaction {

    static final int BUSY_FILL_PERCENT = 60;
    static final int REWRITE_BYTES = 256 * 1024;
    static final int MOVE_BYTES = 1024 * 1024;
    static final int IDLE_FILL_PERCENT = 90;
    static final int IDLE_MILLIS = 100;

    private final AgroalDataSource dataSource;
    private final Timer rewrites;
    private final Timer moves;
    private final Timer idleRuns;
    /** The store's version after the last step: unchanged means nothing was committed since. */
    private volatile long versionAfterLastStep = -1;

    H2Compaction(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.rewrites = stepTimer("rewrite", metrics);
        this.moves = stepTimer("move", metrics);
        this.idleRuns = stepTimer("idle", metrics);
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent()
                    && session.getDatabase().getStore().getMvStore().getFileStore() instanceof RandomAccessStore file) {
                step(session.getDatabase().getStore().getMvStore(), file);
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("The H2 file was not compacted this time: %s", Causes.rootName(e));
        }
    }

    private void step(MVStore store, RandomAccessStore file) {
        store.setRetentionTime(0);
        if (store.getCurrentVersion() == versionAfterLastStep) {
            if (file.getChunksFillRate() < IDLE_FILL_PERCENT || file.getFillRate() < IDLE_FILL_PERCENT) {
                idleRuns.record(() -> store.compactFile(IDLE_MILLIS));
            }
        } else {
            if (file.getChunksFillRate() < BUSY_FILL_PERCENT) {
                rewrites.record(() -> {
                    // The rewritten pages are written now, not with the next transaction's commit.
                    if (store.compact(BUSY_FILL_PERCENT, REWRITE_BYTES) && store.hasUnsavedChanges()) {
                        store.commit();
                    }
                });
            }
            if (file.getFillRate() < BUSY_FILL_PERCENT) {
                moves.record(() -> file.compactMoveChunks(101, MOVE_BYTES, store));
            }
        }
        versionAfterLastStep = store.getCurrentVersion();
    }

    private static Timer stepTimer(String step, MeterRegistry metrics) {
        return Timer.builder("care_panel.h2.compaction").tag("step", step)
                .description("Steps of the H2 file's compaction: rewriting chunks' live pages or moving chunks while "
                        + "commits go on, compacting it when none did")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }
}
