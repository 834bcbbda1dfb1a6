package app.carepanel.changes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.platform.PlatformException;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.sync.SyncJob;
import app.carepanel.sync.SyncTrigger;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The scheduled poll of the platform's client changes, run by hand here (its schedule is off in tests). */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class ChangePollTest extends AppTest {

    @Inject
    ChangePoll poll;

    @Inject
    ChangePositions positions;

    @BeforeEach
    void stubs() {
        searchFinds("alex@example.com", "c-alex-user", "c-alex-lead");
        searchFinds("blair@example.com", "c-blair");
        searchFinds("casey@example.com");
    }

    private void searchFinds(String email, String... contactIds) {
        List<Map<String, Object>> data = java.util.Arrays.stream(contactIds)
                .map(id -> Map.<String, Object>of("type", "contact", "id", id, "email", email,
                        "role", id.endsWith("lead") ? "lead" : "user"))
                .toList();
        intercom.stubFor(post(urlEqualTo("/contacts/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo(email)))
                .willReturn(IntercomFixtures.json(200, CanvasPayloads.json(Map.of("type", "list", "data", data,
                        "total_count", data.size())))));
    }

    private void changes(String cursor, String nextCursor, String... emailsAndTimes) {
        StringBuilder body = new StringBuilder("{\"changes\": [");
        for (int i = 0; i < emailsAndTimes.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"email\": \"").append(emailsAndTimes[i])
                    .append("\", \"changedAt\": \"").append(emailsAndTimes[i + 1]).append("\"}");
        }
        body.append("], \"nextCursor\": ").append(nextCursor == null ? "null" : "\"" + nextCursor + "\"").append("}");
        platform.stubFor(get(urlPathEqualTo("/v1/client-changes"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString())));
    }

    /** A change time after the first poll's starting point (an hour back), minutes ago. */
    private static String minutesAgo(int minutes) {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofMinutes(minutes)).toString();
    }

    private List<SyncJob> jobs() {
        // Only this test's workspace: another test's panel view may have queued a job a moment after it ended.
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>list("workspaceId", workspace));
    }

    private ChangePollState state() {
        return QuarkusTransaction.requiringNew().call(() -> ChangePollState.<ChangePollState>findById(workspace));
    }

    @Test
    void queuesEveryContactWithAChangedEmailAcrossPages() {
        String last = minutesAgo(3);
        changes(null, "page-2", "alex@example.com", minutesAgo(20), "blair@example.com", minutesAgo(10));
        changes("page-2", null, "casey@example.com", last);

        assertThat(poll.run(workspace)).isEqualTo(3);

        assertThat(jobs()).extracting(j -> j.contactId).containsExactlyInAnyOrder("c-alex-user", "c-alex-lead", "c-blair");
        assertThat(jobs()).allSatisfy(j -> {
            assertThat(j.workspaceId).isEqualTo(workspace);
            assertThat(j.lastTrigger).isEqualTo(SyncTrigger.PLATFORM_CHANGE);
            assertThat(j.refetch).isTrue();
            assertThat(j.sealedEmail).as("the email the search confirmed travels with the job, encrypted")
                    .isNotNull().doesNotContain("example.com");
        });
        assertThat(state().since).isEqualTo(Instant.parse(last));
        assertThat(state().cursor).isNull();
    }

    @Test
    void givesOnlyOneOfSeveralInstancesThePollOfAnInterval() {
        Duration interval = Duration.ofMinutes(15);
        assertThat(positions.ourTurn(workspace, interval)).as("the first instance to ask").isTrue();
        assertThat(positions.ourTurn(workspace, interval)).as("another instance at the same time").isFalse();

        QuarkusTransaction.requiringNew().run(() -> ChangePollState.update("updatedAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofMinutes(8)), workspace));
        assertThat(positions.ourTurn(workspace, interval)).as("more than half an interval later").isTrue();
    }

    @Test
    void nextPollAsksForChangesSinceTheLastOneSeen() {
        String last = minutesAgo(5);
        changes(null, null, "alex@example.com", last);
        poll.run(workspace);
        platform.resetRequests();

        poll.run(workspace);

        platform.verify(getRequestedFor(urlPathEqualTo("/v1/client-changes")).withQueryParam("since", equalTo(last)));
    }

    @Test
    void resumesAtTheSavedCursorAfterAFailure() {
        changes(null, "page-2", "alex@example.com", minutesAgo(30));
        platform.stubFor(get(urlPathEqualTo("/v1/client-changes")).withQueryParam("cursor", equalTo("page-2"))
                .willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> poll.run(workspace)).isInstanceOf(PlatformException.class);
        assertThat(state().cursor).isEqualTo("page-2");
        Instant since = state().since;

        String last = minutesAgo(2);
        changes("page-2", null, "blair@example.com", last);
        platform.resetRequests();
        poll.run(workspace);

        platform.verify(1, getRequestedFor(urlPathEqualTo("/v1/client-changes")).withQueryParam("cursor", equalTo("page-2"))
                .withQueryParam("since", equalTo(since.toString())));
        assertThat(jobs()).extracting(j -> j.contactId).contains("c-blair");
        assertThat(state().since).isEqualTo(Instant.parse(last));
    }

    @Test
    void skipsExcludedAndInvalidEmailsWithoutSearchingIntercom() {
        changes(null, null, "support@practice.example", minutesAgo(9), "not-an-email", minutesAgo(8));
        assertThat(poll.run(workspace)).isZero();
        intercom.verify(0, postRequestedFor(urlEqualTo("/contacts/search")));
    }

    @Test
    void firstPollLooksBackFromNow() {
        changes(null, null);
        Instant before = Instant.now();
        poll.run(workspace);
        await().atMost(Duration.ofSeconds(5)).until(() -> state() != null);
        assertThat(state().since).isBetween(before.minus(Duration.ofHours(1)).minusSeconds(5), before.minus(Duration.ofHours(1)).plusSeconds(5));
    }
}
