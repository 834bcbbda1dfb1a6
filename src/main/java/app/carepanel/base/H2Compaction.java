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
 * Commits wait while a step holds H2's store lock, so each step's work is bounded:
 * <ul>
 * <li>While commits go on, the share is {@value #BUSY_FILL_PERCENT} %; a round of rewriting takes about
 * {@value #REWRITE_BYTES} bytes and a move at most {@value #MOVE_BYTES} bytes of chunks: 15-20 ms a step under the
 * cached load of {@code bench/perf.sh} ({@code MVStore.compactFile}, used before, took 0.2-0.5 s a run and halved
 * the views a second). While the file grew since the last step with its chunks still below the share (a drain of
 * tens of thousands of syncs outruns one round; growth by the step's own rewriting does not count), the next step
 * takes twice as many rounds, up to {@value #MOST_ROUNDS} (about H2's own busy budget at a 128 MB heap); half as
 * many once it did not grow, and one after an idle step. Each round holds H2's lock (a fair one) on its own, so
 * the commits waiting meanwhile go between rounds.</li>
 * <li>When nothing was committed since the last step, the share is {@value #IDLE_FILL_PERCENT} % (H2's own target)
 * and the budgets are {@value #IDLE_FACTOR} times larger; each idle step that gained takes twice as many rounds and
 * twice the move budget as the last, up to {@value #MOST_ROUNDS} times. A step gained when the file is smaller, or
 * its chunks take less of it (chunks freed) or are fuller, than at any step since commits stopped. After
 * {@value #IDLE_STEPS_WITHOUT_GAIN} steps in a row without gain the steps wait for commits. Two, because the chunks
 * a rewrite empties are freed only by the next commit, so a step's gain may show only in the next one's figures.
 * (After a 50,000-contact drain, one step without gain and fixed budgets left the file at 126 MB with its chunks
 * 48 % full; with these steps it was 54 MB ten steps later.)</li>
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
    static final int IDLE_FACTOR = 4;
    static final int MOST_ROUNDS = 8;
    static final int IDLE_STEPS_WITHOUT_GAIN = 2;

    private final AgroalDataSource dataSource;
    private final Timer rewrites;
    private final Timer moves;
    /** The store's version after the last step: unchanged means nothing was committed since. */
    private volatile long versionAfterLastStep = -1;
    /** Idle steps in a row that gained nothing: at {@value #IDLE_STEPS_WITHOUT_GAIN}, the next ones wait for commits. */
    private volatile int idleStepsWithoutGain;
    /** The file's size after the last step. */
    private volatile long sizeAfterLastStep;
    /** Rounds of rewriting in a busy step: doubled while the file grows anyway, halved once it does not. */
    private volatile int busyRounds = 1;
    /** Rounds of rewriting, and moves, in an idle step: doubled while idle steps gain, back to one with commits. */
    private volatile int idleRounds = 1;
    /** The best of each figure since commits stopped (null while they go on): an idle step gains by beating one. */
    private volatile Figures bestWhileIdle;

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
        if (idle) {
            busyRounds = 1;
        } else {
            idleStepsWithoutGain = 0;
            idleRounds = 1;
            bestWhileIdle = null;
        }
        if (idleStepsWithoutGain < IDLE_STEPS_WITHOUT_GAIN) {
            int below = idle ? IDLE_FILL_PERCENT : BUSY_FILL_PERCENT;
            int factor = idle ? IDLE_FACTOR : 1;
            int fill = file.getFillRate();
            Figures before = Figures.of(file);
            int rounds = idle ? idleRounds : busyRounds;
            for (int round = 0; round < rounds && file.getChunksFillRate() < below; round++) {
                if (!rewrite(store, below, factor * REWRITE_BYTES)) {
                    break;
                }
            }
            if (fill < below) {
                // Busy moves stay at one budget: a move is one hold of the lock.
                long moveBytes = idle ? (long) IDLE_FACTOR * idleRounds * MOVE_BYTES : MOVE_BYTES;
                moves.record(() -> file.compactMoveChunks(101, moveBytes, store));
            }
            if (idle) {
                Figures best = bestWhileIdle == null ? before : bestWhileIdle;
                Figures after = Figures.of(file);
                boolean gained = after.beats(best);
                bestWhileIdle = after.bestWith(best);
                idleStepsWithoutGain = gained ? 0 : idleStepsWithoutGain + 1;
                idleRounds = gained ? Math.min(2 * idleRounds, MOST_ROUNDS) : idleRounds;
            } else {
                // Grown by the commits since the last step, not by this step's own rewriting.
                boolean losing = before.size() > sizeAfterLastStep && before.chunksFill() < below;
                busyRounds = losing ? Math.min(2 * busyRounds, MOST_ROUNDS) : Math.max(1, busyRounds / 2);
            }
        }
        sizeAfterLastStep = file.size();
        versionAfterLastStep = store.getCurrentVersion();
    }

    /** One round of rewriting: whether it found live pages of chunks below {@code below} % to write again. */
    private boolean rewrite(MVStore store, int below, int bytes) {
        return rewrites.record(() -> {
            boolean rewrote = store.compact(below, bytes);
            if (rewrote && store.hasUnsavedChanges()) {
                // The rewritten pages are written now, not with the next transaction's commit.
                store.commit();
            }
            return rewrote;
        });
    }

    /**
     * What an idle step's gain is judged by: the file's size, the bytes its chunks take, and how full of live data the
     * chunks are. Each can improve only so far, so idle steps that must beat the best so far end.
     */
    private record Figures(long size, long chunksBytes, int chunksFill) {

        static Figures of(RandomAccessStore file) {
            return new Figures(file.size(), file.size() * file.getFillRate() / 100, file.getChunksFillRate());
        }

        boolean beats(Figures best) {
            return size < best.size || chunksBytes < best.chunksBytes || chunksFill > best.chunksFill;
        }

        Figures bestWith(Figures best) {
            return new Figures(Math.min(size, best.size), Math.min(chunksBytes, best.chunksBytes),
                    Math.max(chunksFill, best.chunksFill));
        }
    }

    private static Timer stepTimer(String step, MeterRegistry metrics) {
        return Timer.builder("care_panel.h2.compaction").tag("step", step)
                .description("Steps of the H2 file's compaction: rewriting chunks' live pages, or moving chunks")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }
}
