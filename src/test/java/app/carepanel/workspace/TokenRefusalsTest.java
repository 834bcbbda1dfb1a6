package app.carepanel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Intercom's refusals of a workspace's token. */
class TokenRefusalsTest {

    private final TokenRefusals refusals = new TokenRefusals();

    @Test
    void refusesOnlyTheWorkspaceWhoseTokenWasRefused() {
        assertThat(refusals.isRefused("w1", "token-1")).isFalse();
        refusals.refused("w1", "token-1");
        assertThat(refusals.isRefused("w1", "token-1")).isTrue();
        assertThat(refusals.isRefused("w2", "token-1")).isFalse();
    }

    @Test
    void forgetsTheRefusalOnceTheTokenChangesButNotWhenItComesBack() {
        refusals.refused("w1", "token-1");
        assertThat(refusals.isRefused("w1", "token-2")).isFalse();
        assertThat(refusals.isRefused("w1", "token-1")).as("the old token is still the refused one").isTrue();
    }

    @Test
    void forgetsTheRefusalOnceTheTokenIsAccepted() {
        refusals.refused("w1", "token-1");
        refusals.accepted("w1");
        assertThat(refusals.isRefused("w1", "token-1")).isFalse();
    }

    @Test
    void refusalOfATokenAlreadyReplacedDoesNotRefuseTheNewOne() {
        refusals.refused("w1", "token-1");
        assertThat(refusals.isRefused("w1", "token-2")).isFalse();
    }

    @Test
    void isNeverRefusedWithoutAToken() {
        refusals.refused("w1", "token-1");
        assertThat(refusals.isRefused("w1", null)).isFalse();
    }
}
