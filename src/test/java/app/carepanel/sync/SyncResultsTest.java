package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SyncResultsTest extends AppTest {

    @Inject
    SyncResults results;

    @Inject
    SyncWaits waits;

    private static ContactSync.Result wrote(String name) {
        return new ContactSync.Result(SyncOutcome.WRITTEN, Map.of("Name", name), Optional.empty(), Optional.empty());
    }

    @Test
    void keepsNoResultOfAContactNobodyWaitsFor() {
        results.record(workspace, "c-unwaited", wrote("Sami"));

        assertThat(results.since(workspace, "c-unwaited", Instant.EPOCH)).isEmpty();
    }

    @Test
    void keepsTheResultsOfAContactWhileACallerWaitsForIt() {
        Optional<ContactSync.Result> kept = waits.whileAwaited(workspace, "c-waited", () -> {
            results.record(workspace, "c-waited", wrote("Sami"));
            return results.since(workspace, "c-waited", Instant.EPOCH);
        });

        assertThat(kept).map(ContactSync.Result::written).contains(Map.of("Name", "Sami"));
    }

    @Test
    void stopsKeepingResultsWhenAWaitFails() {
        assertThatThrownBy(() -> waits.whileAwaited(workspace, "c-failed", () -> {
            throw new IllegalStateException("the queue refused the sync");
        })).isInstanceOf(IllegalStateException.class);

        results.record(workspace, "c-failed", wrote("Sami"));

        assertThat(results.since(workspace, "c-failed", Instant.EPOCH)).isEmpty();
    }

    @Test
    void keepsRecordingUntilTheLastOfTwoCallersStopsWaiting() {
        results.awaited(workspace, "c-twice");
        results.awaited(workspace, "c-twice");
        results.waited(workspace, "c-twice");
        results.record(workspace, "c-twice", wrote("Sami"));
        results.waited(workspace, "c-twice");
        results.record(workspace, "c-twice", wrote("Alex"));

        assertThat(results.since(workspace, "c-twice", Instant.EPOCH)).map(ContactSync.Result::written)
                .contains(Map.of("Name", "Sami"));
    }
}
