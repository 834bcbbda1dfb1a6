package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code SYNC_CHANGES_POLL_INTERVAL} is read as Quarkus reads a schedule, and refused when it is not one. */
class PollIntervalTest {

    @ParameterizedTest
    @CsvSource({ "15m, PT15M", "1h30m, PT1H30M", "1d, PT24H", "PT15M, PT15M", "' 30s ', PT30S", "P1D, PT24H" })
    void readsDurationsWithOrWithoutTheirPrefix(String value, Duration expected) {
        assertThat(SyncConfig.pollInterval(value)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "off", "OFF", "disabled", " Off " })
    void readsOffAsNoPoll(String value) {
        assertThat(SyncConfig.pollInterval(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "", "every 15 minutes", "15", "m15" })
    void refusesWhatIsNotADuration(String value) {
        assertThatThrownBy(() -> SyncConfig.pollInterval(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not a duration such as 15m or 1h, nor off");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0s", "-PT5M", "PT0S" })
    void refusesAnIntervalThatIsNotLongerThanZero(String value) {
        assertThatThrownBy(() -> SyncConfig.pollInterval(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than 0");
    }
}
