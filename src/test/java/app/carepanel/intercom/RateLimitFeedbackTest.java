package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What Intercom's rate-limit headers and 429s do to the next call of the workspace. Waits are checked against
 * the time the stub received the next request, which can only come later on a slow machine, never earlier.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class RateLimitFeedbackTest extends AppTest {

    private static final String CONTACT = """
            {"type": "contact", "id": "c-1", "role": "user"}
            """;

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    @Inject
    RateLimiter limiter;

    /** The first answer, then the contact. */
    private void answerFirst(ResponseDefinitionBuilder first) {
        intercom.stubFor(get("/contacts/c-1").inScenario("feedback").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("answered"));
        intercom.stubFor(get("/contacts/c-1").inScenario("feedback").whenScenarioStateIs("answered")
                .willReturn(okJson(CONTACT)));
    }

    private static long secondsFromNow(long seconds) {
        return Instant.now().getEpochSecond() + seconds;
    }

    private Instant receivedAt(int index) {
        List<ServeEvent> events = intercom.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        return events.get(index).getRequest().getLoggedDate().toInstant();
    }

    private RateLimiter.Status status(String workspaceId) {
        return limiter.statuses().stream().filter(s -> s.workspaceId().equals(workspaceId)).findFirst().orElseThrow();
    }

    @Test
    void throttledAnswerPausesTheWorkspaceUntilReset() {
        // Far enough ahead that a busy machine's install and first call end before it (a reset already past is not
        // a pause until it); the second call then waits for it.
        long reset = secondsFromNow(5);
        answerFirst(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "1666")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset)));
        Workspace workspace = installed("w-429");

        assertThatThrownBy(() -> client.getContact(workspace, "c-1"))
                .isInstanceOfSatisfying(IntercomException.RateLimited.class,
                        e -> assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(reset)));
        assertThat(status("w-429").pausedUntil()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(status("w-429").throttledResponses()).isEqualTo(1);

        assertThat(client.getContact(workspace, "c-1")).isInstanceOf(IntercomClient.ContactLookup.Found.class);
        assertThat(receivedAt(1)).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void throttledAnswerWithoutResetPausesForRetryAfter() {
        answerFirst(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        Instant before = Instant.now();

        assertThatThrownBy(() -> client.getContact(installed("w-429-retry-after"), "c-1"))
                .isInstanceOfSatisfying(IntercomException.RateLimited.class,
                        e -> assertThat(e.resetAt()).isBetween(before.plusSeconds(1), Instant.now().plusSeconds(1)));
    }

    @ParameterizedTest(name = "X-RateLimit-Reset {0}")
    @ValueSource(strings = { "ten years ahead", "in milliseconds, an hour ahead" })
    void throttledAnswerWithAFarResetPausesTheWorkspaceAtMostAMinute(String reset) {
        long header = reset.startsWith("ten years") ? secondsFromNow(10L * 365 * 24 * 3600) : (secondsFromNow(3600) * 1000);
        answerFirst(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(header)));
        String workspaceId = "w-429-far-" + reset.length();
        Instant before = Instant.now();

        assertThatThrownBy(() -> client.getContact(installed(workspaceId), "c-1"))
                .isInstanceOfSatisfying(IntercomException.RateLimited.class,
                        e -> assertThat(e.resetAt()).isBetween(before, Instant.now().plus(RateLimiter.LONGEST_WAIT)));
        assertThat(status(workspaceId).pausedUntil()).isBefore(Instant.now().plus(RateLimiter.LONGEST_WAIT).plusSeconds(1));
    }

    @Test
    void throttledAnswerWithAResetInThePastPausesForRetryAfter() {
        answerFirst(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(secondsFromNow(-3600)))
                .withHeader("Retry-After", "3"));
        Instant before = Instant.now();

        assertThatThrownBy(() -> client.getContact(installed("w-429-past"), "c-1"))
                .isInstanceOfSatisfying(IntercomException.RateLimited.class,
                        e -> assertThat(e.resetAt()).isBetween(before.plusSeconds(3), Instant.now().plusSeconds(3)));
    }

    @Test
    void throttledAnswerWithoutHeadersPausesTenSeconds() {
        answerFirst(aResponse().withStatus(429));
        Instant before = Instant.now();

        assertThatThrownBy(() -> client.getContact(installed("w-429-bare"), "c-1"))
                .isInstanceOfSatisfying(IntercomException.RateLimited.class,
                        e -> assertThat(e.resetAt()).isBetween(before.plusSeconds(10), Instant.now().plusSeconds(10)));
        assertThat(status("w-429-bare").pausedUntil()).isAfterOrEqualTo(before.plusSeconds(10));
    }

    @Test
    void noRemainingCallsMakeTheNextCallWaitForReset() {
        long reset = secondsFromNow(2);
        answerFirst(okJson(CONTACT).withHeader("X-RateLimit-Limit", "1666").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset)));
        Workspace workspace = installed("w-remaining");

        client.getContact(workspace, "c-1");
        assertThat(status("w-remaining").lastRemaining()).isZero();
        assertThat(status("w-remaining").lastReset()).isEqualTo(Instant.ofEpochSecond(reset));
        client.getContact(workspace, "c-1");

        assertThat(receivedAt(1)).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        assertThat(status("w-remaining").throttledResponses()).isZero();
    }

    @Test
    void windowBudgetIsTheConfiguredShareOfTheMinuteBudget() {
        intercom.stubFor(get("/contacts/c-1").willReturn(okJson(CONTACT)));

        client.getContact(installed("w-budget"), "c-1");

        // 10,000 calls a minute, 80 % of them, in six 10-second windows.
        assertThat(status("w-budget").windowBudget()).isEqualTo(1333);
        assertThat(status("w-budget").usedInWindow()).isBetween(0, 1);
    }
}
