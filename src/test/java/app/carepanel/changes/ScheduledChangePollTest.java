package app.carepanel.changes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.AppTest;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code SYNC_CHANGES_POLL_INTERVAL} set, the app polls the platform's client changes on its own. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(ScheduledChangePollTest.EverySecond.class)
class ScheduledChangePollTest extends AppTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sync.changes-poll-interval", "1s");
        }
    }

    @Inject
    Workspaces workspaces;

    @BeforeEach
    void stubs() {
        intercom.stubFor(get(urlEqualTo("/me")).willReturn(IntercomFixtures.json(200,
                "{\"type\":\"admin\",\"id\":\"1\",\"app\":{\"type\":\"app\",\"id_code\":\"ws-scheduled\",\"region\":\"US\"}}")));
        intercom.stubFor(post(urlEqualTo("/contacts/search"))
                .willReturn(IntercomFixtures.json(200, "{\"type\":\"list\",\"data\":[],\"total_count\":0}")));
        platform.stubFor(get(urlPathEqualTo("/v1/client-changes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"changes\":[{\"email\":\"drew@example.com\",\"changedAt\":\"" + Instant.now().minusSeconds(60)
                        + "\"}],\"nextCursor\":null}")));
    }

    @Test
    void pollsEachInstalledWorkspaceWithItsOwnTokenAndPosition() {
        workspaces.install(workspace + "-a", Region.US, "token-a", "admin-a");
        workspaces.install(workspace + "-b", Region.US, "token-b", "admin-b");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String token : new String[] { "token-a", "token-b" }) {
                intercom.verify(postRequestedFor(urlEqualTo("/contacts/search"))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .withRequestBody(matchingJsonPath("$.query.value", equalTo("drew@example.com"))));
            }
            assertThat(QuarkusTransaction.requiringNew().call(() -> ChangePollState.count("id in ?1",
                    List.of(workspace + "-a", workspace + "-b")))).isEqualTo(2);
        });
    }

    @Test
    void pollsClientChangesAtTheConfiguredInterval() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            platform.verify(getRequestedFor(urlPathEqualTo("/v1/client-changes")));
            intercom.verify(postRequestedFor(urlEqualTo("/contacts/search"))
                    .withRequestBody(matchingJsonPath("$.query.value", equalTo("drew@example.com"))));
        });
    }
}
