package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many sync workers an instance runs when SYNC_WORKERS is not set: enough to spend its Intercom budget. */
class WorkerCountTest {

    @ParameterizedTest(name = "{0} calls/min at a share of {1}: {2} workers")
    @CsvSource({
            "600, 0.8, 4",
            "1000, 0.8, 4",
            "3000, 0.8, 5",
            "10000, 0.8, 16",
            "10000, 0.5, 11",
            "100000, 0.8, 16",
    })
    void sizesTheWorkersFromTheBudgetWithinBounds(int perMinute, double share, int workers) {
        assertThat(SyncConfig.workersFor(perMinute, share)).isEqualTo(workers);
    }
}
