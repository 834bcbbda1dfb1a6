package app.carepanel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Group commit of the access audit: one writer thread commits the rows of every answer waiting at that moment in
 * one transaction, and each answer goes back only once its own row is committed. Under load many answers share a
 * transaction; alone, an answer waits for one small transaction, as before. A crash therefore loses no row of an
 * answer that was shown, and a normal stop writes every row handed in before the writer ends.
 */
@ApplicationScoped
class AuditBatches {

    /** The most rows one transaction takes. */
    static final int MOST_PER_BATCH = 256;
    /** How long an answer waits for its row before it is withheld. */
    private static final long WAIT_SECONDS = 10;

    private record Pending(AccessRecord row, CompletableFuture<Void> written) {
    }

    private static final String INSERT = "insert into access_audit (at, workspace_id, admin_id, contact_id, client_ids,"
            + " action, outcome) values (?, ?, ?, ?, ?, ?, ?)";

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DataSource dataSource;
    private final DistributionSummary batchSizes;
    private boolean accepting;
    private Thread writer;

    AuditBatches(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.batchSizes = DistributionSummary.builder("care_panel.audit.batch.rows")
                .description("Access audit rows committed in one transaction").register(metrics);
    }

    synchronized void start(@Observes StartupEvent started) {
        accepting = true;
        if (writer != null && writer.isAlive()) {
            // A writer that outlived a stop's wait goes on: one writer only.
            return;
        }
        writer = new Thread(this::writeUntilStopped, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Takes no more rows, then lets the writer commit every row already handed in before it ends. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        Thread ending;
        synchronized (this) {
            accepting = false;
            ending = writer;
        }
        if (ending != null) {
            ending.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }

    /** Returns once the row is committed; throws when it could not be, so that the caller shows nothing. */
    void write(AccessRecord row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (!handIn(pending)) {
            commit(List.of(pending));
        }
        try {
            pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // The writer skips a row nobody waits for any more: the answer it would record is not shown.
            pending.written().completeExceptionally(e);
            throw new IllegalStateException("the access audit row was not committed within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the access audit row was written");
        }
    }

    /** False when the writer has stopped (or died): the caller then writes its row itself. */
    private synchronized boolean handIn(Pending pending) {
        return accepting && writer != null && writer.isAlive() && queue.add(pending);
    }

    private void writeUntilStopped() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Nothing here interrupts the writer: a stray interrupt is dropped, and the writer goes on.
                first = queue.poll();
            }
            if (first == null) {
                synchronized (this) {
                    if (!accepting && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            List<Pending> handedIn = new ArrayList<>();
            handedIn.add(first);
            queue.drainTo(handedIn, MOST_PER_BATCH - 1);
            List<Pending> batch = handedIn.stream().filter(pending -> !pending.written().isDone()).toList();
            try {
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (Throwable e) {
                // The writer outlives whatever one batch met (an Error included): those answers are withheld.
                batch.forEach(pending -> pending.written().completeExceptionally(e));
                Log.errorf("The access audit writer could not write %d rows: %s", batch.size(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** One JDBC batch of inserts in the caller's transaction (an entity each would be an insert and a read each). */
    private void insert(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Pending pending : batch) {
                AccessRecord row = pending.row();
                insert.setObject(1, row.at == null ? null : row.at.atOffset(ZoneOffset.UTC));
                insert.setString(2, row.workspaceId);
                insert.setString(3, row.adminId);
                insert.setString(4, row.contactId);
                insert.setString(5, row.clientIds);
                insert.setString(6, row.action);
                insert.setString(7, row.outcome);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("access audit rows not written: " + e.getSQLState(), e);
        }
    }

    /**
     * Commits the batch. When a row's data was refused (SQL state class 22 or 23), each row is written alone, so
     * that one bad row withholds only its own answer; any other failure (the database unreachable) fails the whole
     * batch at once rather than trying each row against it.
     */
    private void commit(List<Pending> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(batch));
            batchSizes.record(batch.size());
            batch.forEach(pending -> pending.written().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || !refusedData(e)) {
                batch.forEach(pending -> pending.written().completeExceptionally(e));
                return;
            }
            Log.debugf("An access audit batch of %d rows failed (%s); writing each alone", batch.size(),
                    e.getClass().getSimpleName());
            batch.forEach(pending -> commit(List.of(pending)));
        }
    }

    private static boolean refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A batch's failure may carry the row's own failure as its next exception.
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
