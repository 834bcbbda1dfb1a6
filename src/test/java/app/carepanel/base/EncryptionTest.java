package app.carepanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncryptionTest {

    private static final String KEY_A = "nOwOc0Z4iLG3nQsbyrWpa5T9Ong5HsAwWovjWC7tmq8=";
    private static final String KEY_B = "erOkmU7pPYObEhL9cLLVusMo7rd5roQ0E26Olb5/x4E=";

    private static Encryption with(String current, String... previous) {
        return new Encryption(DataKeys.of(Optional.of(current), Optional.of(List.of(previous))));
    }

    @Test
    void opensWhatItSealedAndShowsNothingOfItInTheSealedText() {
        Encryption encryption = with(KEY_A);
        String sealed = encryption.seal("sami@example.com", "row-1");
        assertThat(sealed).doesNotContain("sami").doesNotContain("example");
        assertThat(encryption.open(sealed, "row-1")).isEqualTo("sami@example.com");
        assertThat(encryption.seal("sami@example.com", "row-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void refusesToOpenAValueMovedToAnotherRow() {
        Encryption encryption = with(KEY_A);
        String sealed = encryption.seal("secret", "row-1");
        assertThatThrownBy(() -> encryption.open(sealed, "row-2")).isInstanceOf(Encryption.Unreadable.class);
    }

    @Test
    void opensValuesOfAPreviousKeyAndSaysTheyShouldBeSealedAgain() {
        String underA = with(KEY_A).seal("secret", "row-1");
        Encryption rotated = with(KEY_B, KEY_A);
        assertThat(rotated.open(underA, "row-1")).isEqualTo("secret");
        assertThat(rotated.isCurrent(underA)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal("secret", "row-1"))).isTrue();
    }

    @Test
    void refusesValuesOfAKeyNoLongerConfigured() {
        String underA = with(KEY_A).seal("secret", "row-1");
        assertThatThrownBy(() -> with(KEY_B).open(underA, "row-1")).isInstanceOf(Encryption.Unreadable.class);
    }

    @Test
    void digestsUnderTheCurrentKeyFirstThenThePreviousOnes() {
        Encryption rotated = with(KEY_B, KEY_A);
        List<String> digests = rotated.digests("sami@example.com");
        assertThat(digests).hasSize(2).doesNotHaveDuplicates();
        assertThat(digests.get(1)).isEqualTo(with(KEY_A).digest("sami@example.com"));
        assertThat(digests.get(0)).isEqualTo(rotated.digest("sami@example.com"))
                .isNotEqualTo(Digests.sha256Hex("sami@example.com")).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "' '|DATA_ENCRYPTION_KEY is not set",
            "not base64!|DATA_ENCRYPTION_KEY is not base64",
            "c2hvcnQ=|DATA_ENCRYPTION_KEY holds 5 bytes, not 32",
    })
    void namesTheVariableAndHowToMakeAKeyWhenTheKeyIsUnusable(String key, String reason) {
        assertThatThrownBy(() -> DataKeys.of(Optional.of(key), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason)
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void refusesAPreviousKeyThatRepeatsTheCurrentOne() {
        assertThatThrownBy(() -> DataKeys.of(Optional.of(KEY_A), Optional.of(List.of(KEY_A))))
                .hasMessageContaining("repeats");
    }
}
