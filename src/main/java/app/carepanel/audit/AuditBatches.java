package app.carepanel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import app.carepanel.base.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
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

    private static final String INSERT = "insert into access_audit (at, workspace_id, admin_id, contact_id, client_ids,"
            + " action, outcome) values (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final GroupCommit<AccessRecord> rows;

    AuditBatches(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        // When a row's data was refused, each row is written alone, so that one bad row withholds only its own answer.
        this.rows = new GroupCommit<>("audit", MOST_PER_BATCH, this::insert, GroupCommit::oneItemsFault, metrics,
                "Access audit rows committed in one transaction");
    }

    void start(@Observes StartupEvent started) {
        rows.start();
    }

    /** Takes no more rows, then lets the writer commit every row already handed in before it ends. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        rows.stop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    /** Returns once the row is committed; throws when it could not be, so that the caller shows nothing. */
    void write(AccessRecord row) {
        rows.write(row, WAIT_SECONDS);
    }

    /** One JDBC batch of inserts in the writer's transaction (an entity each would be an insert and a read each). */
    private void insert(List<AccessRecord> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AccessRecord row : batch) {
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
}
