package app.carepanel.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import app.carepanel.workspace.Workspace;

/** The workspace token and Intercom's refusals of it. */
class IntercomTokensTest {

    private final AtomicReference<String> configured = new AtomicReference<>("token-1");
    private final IntercomTokens tokens = new IntercomTokens(() -> Optional.ofNullable(configured.get()));

    @Test
    void givesTheConfiguredTokenToEveryWorkspace() {
        assertThat(tokens.tokenFor(new Workspace("w1", "us"))).contains("token-1");
        assertThat(tokens.tokenFor(new Workspace("w2", "eu"))).contains("token-1");
    }

    @Test
    void givesNoTokenWhenNoneOrABlankOneIsConfigured() {
        configured.set(null);
        assertThat(tokens.tokenFor(new Workspace("w1", "us"))).isEmpty();
        configured.set("  ");
        assertThat(tokens.tokenFor(new Workspace("w1", "us"))).isEmpty();
    }

    @Test
    void refusedTokenIsNoLongerRefusedOnceTheTokenChanges() {
        assertThat(tokens.isRefused("w1")).isFalse();
        tokens.markRefused("w1");
        assertThat(tokens.isRefused("w1")).isTrue();
        assertThat(tokens.isRefused("w2")).isFalse();

        configured.set("token-2");
        assertThat(tokens.isRefused("w1")).isFalse();

        configured.set("token-1");
        assertThat(tokens.isRefused("w1")).as("the old token is still the refused one").isTrue();
    }

    @Test
    void refusalOfATokenAlreadyReplacedDoesNotRefuseTheNewOne() {
        configured.set("token-2");
        tokens.markRefused("w1", "token-1");
        assertThat(tokens.isRefused("w1")).isFalse();
    }
}
