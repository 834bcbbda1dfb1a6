package app.carepanel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Answers given at the same moment share the audit's transactions, and none returns before its row is committed. */
@QuarkusTest
class AuditBatchesTest extends AppTest {

    @Inject
    AuditBatches batches;

    @Inject
    MeterRegistry metrics;

    private final ExecutorService answers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopAnswers() {
        answers.shutdownNow();
    }

    private AccessRecord row(String contactId) {
        AccessRecord row = new AccessRecord();
        row.at = Instant.now();
        row.workspaceId = workspace;
        row.contactId = contactId;
        row.action = "view";
        row.outcome = "shown";
        return row;
    }

    private boolean committed(String contactId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessRecord.count("workspaceId = ?1 and contactId = ?2", workspace, contactId) == 1);
    }

    /** Hands in each row from its own thread, all at once; each thread says whether its row was there on return. */
    private List<Future<Boolean>> writeAtOnce(List<AccessRecord> rows) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> returned = new ArrayList<>();
        for (AccessRecord row : rows) {
            returned.add(answers.submit(() -> {
                go.await();
                batches.write(row);
                return committed(row.contactId);
            }));
        }
        go.countDown();
        return returned;
    }

    private double rowsThroughBatches() {
        return metrics.get("care_panel.audit.batch.items").summary().totalAmount();
    }

    @Test
    void returnsEachAnswerOnlyOnceItsRowIsCommitted() throws Exception {
        double before = rowsThroughBatches();

        List<Future<Boolean>> returned = writeAtOnce(IntStream.range(0, 64).mapToObj(n -> row("c-" + n)).toList());

        for (Future<Boolean> answer : returned) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).as("the row was committed when the answer returned").isTrue();
        }
        assertThat(rowsThroughBatches() - before).isEqualTo(64);
    }

    @Test
    void withholdsOnlyTheAnswerWhoseRowCannotBeWritten() throws Exception {
        AccessRecord broken = row("c-broken");
        broken.action = null;
        List<AccessRecord> rows = new ArrayList<>(IntStream.range(0, 20).mapToObj(n -> row("c-good-" + n)).toList());
        rows.add(10, broken);

        List<Future<Boolean>> returned = writeAtOnce(rows);

        for (int n = 0; n < rows.size(); n++) {
            if (rows.get(n) == broken) {
                Future<Boolean> failed = returned.get(n);
                assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
            } else {
                assertThat(returned.get(n).get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(committed("c-broken")).isFalse();
    }

    @Test
    void writesEveryRowHandedInAroundAStop() throws Exception {
        List<Future<Boolean>> returned = writeAtOnce(IntStream.range(0, 64).mapToObj(n -> row("c-stop-" + n)).toList());
        try {
            batches.stop(null);
            for (Future<Boolean> answer : returned) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
            batches.write(row("c-after-stop"));
            assertThat(committed("c-after-stop")).as("after the writer ends, a row is written by its caller").isTrue();
        } finally {
            batches.start(null);
        }
    }
}
