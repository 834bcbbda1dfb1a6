package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

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
        results.awaited(workspace, "c-waited");
        results.record(workspace, "c-waited", wrote("Sami"));

        assertThat(results.since(workspace, "c-waited", Instant.EPOCH)).map(ContactSync.Result::written)
                .contains(Map.of("Name", "Sami"));
        results.waited(workspace, "c-waited");
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
