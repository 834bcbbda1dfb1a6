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
 * does that housekeeping itself, every second, in steps as H2's own thread takes them, through H2's MVStore (H2 has
 * no SQL statement for it):
 * <ul>
 * <li>while live data fills less than a share of the chunks, it writes again the live pages of old chunks (H2 picks
 * them, the emptiest and oldest first), so that those chunks fall free and new chunks reuse their space;</li>
 * <li>while chunks fill less than that share of the file, it moves chunks from its end into the gaps nearer its
 * start, so that the file can shrink.</li>
 * </ul>
 * Commits wait while a step holds H2's store lock, so each step's work is bounded. While commits go on, the share is
 * {@value #BUSY_FILL_PERCENT} % and a step rewrites about {@value #REWRITE_BYTES} bytes and moves at most
 * {@value #MOVE_BYTES} bytes of chunks: 15-20 ms a step under the cached load of {@code bench/perf.sh}, where
 * {@code MVStore.compactFile} (a loop with a sync of the file per pass, used before) took 0.2-0.5 s a run and
 * halved the views a second. When nothing was committed since the last step, the share is
 * {@value #IDLE_FILL_PERCENT} % (H2's own target) and a step does {@value #IDLE_FACTOR} times as much, until a step
 * gains nothing (the file no smaller, neither it nor its chunks fuller); then it waits for commits.
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
    static final int IDLE_FACTOR = 4;

    private final AgroalDataSource dataSource;
    private final Timer rewrites;
    private final Timer moves;
    /** The store's version after the last step: unchanged means nothing was committed since. */
    private volatile long versionAfterLastStep = -1;
    /** An idle step gained nothing: the next ones wait for commits. */
    private volatile boolean settled;

    H2Compaction(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.rewrites = stepTimer("rewrite", metrics);
        this.moves = stepTimer("move", metrics);
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void compact() {
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
        boolean idle = store.getCurrentVersion() == versionAfterLastStep;
        if (!(idle && settled)) {
            int below = idle ? IDLE_FILL_PERCENT : BUSY_FILL_PERCENT;
            int factor = idle ? IDLE_FACTOR : 1;
            long size = file.size();
            int fill = file.getFillRate();
            int chunksFill = file.getChunksFillRate();
            if (chunksFill < below) {
                rewrites.record(() -> {
                    if (store.compact(below, factor * REWRITE_BYTES) && store.hasUnsavedChanges()) {
                        // The rewritten pages are written now, not with the next transaction's commit.
                        store.commit();
                    }
                });
            }
            if (fill < below) {
                moves.record(() -> file.compactMoveChunks(101, (long) factor * MOVE_BYTES, store));
            }
            settled = idle && file.size() >= size && file.getFillRate() <= fill && file.getChunksFillRate() <= chunksFill;
        }
        versionAfterLastStep = store.getCurrentVersion();
    }

    private static Timer stepTimer(String step, MeterRegistry metrics) {
        return Timer.builder("care_panel.h2.compaction").tag("step", step)
                .description("Steps of the H2 file's compaction: rewriting chunks' live pages, or moving chunks")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }
}
