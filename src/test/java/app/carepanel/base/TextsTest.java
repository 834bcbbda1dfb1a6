package app.carepanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextsTest {

    private static final String GRIN = "\uD83D\uDE00";

    @ParameterizedTest(name = "{0} cut at {1} is {2}")
    @CsvSource({
            "abcde, 5, abcde",
            "abcdef, 5, abcd…",
            "a, 1, a",
            "ab, 1, …",
    })
    void keepsValuesUpToTheLimitAndEndsLongerOnesInAnEllipsisWithinIt(String value, int limit, String expected) {
        assertThat(Texts.cut(value, limit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} characters of emoji cut at 5")
    @CsvSource({ "10", "6" })
    void neverSplitsACharacterOutsideTheBasicPlane(int count) {
        String cut = Texts.cut(GRIN.repeat(count), 5);
        assertThat(cut).isEqualTo(GRIN.repeat(4) + "…");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({ "5" })
    void countsCharactersOutsideTheBasicPlaneAsOne(int limit) {
        assertThat(Texts.cut(GRIN.repeat(5), limit)).isEqualTo(GRIN.repeat(5));
    }
}
