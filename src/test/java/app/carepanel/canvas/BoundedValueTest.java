package app.carepanel.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedValueTest {

    @Test
    void keepsAValueUpToTheLimit() {
        assertThat(CanvasRenderer.bounded("abcde", 5)).isEqualTo("abcde");
    }

    @Test
    void cutsALongerValueWithAnEllipsisWithinTheLimit() {
        assertThat(CanvasRenderer.bounded("abcdef", 5)).isEqualTo("abcd…");
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00".repeat(10);
        String cut = CanvasRenderer.bounded(emoji, 5);
        assertThat(cut).isEqualTo("\uD83D\uDE00".repeat(4) + "…");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
    }
}
