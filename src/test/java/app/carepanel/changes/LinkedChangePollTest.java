package app.carepanel.changes;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.link.ContactLinks;
import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.sync.SyncJob;
import app.carepanel.sync.SyncTrigger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A platform change that names its client ({@code clientId}, API 1.1) reaches the contacts linked to that client. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class LinkedChangePollTest extends AppTest {

    @Inject
    ChangePoll poll;

    @Inject
    ContactLinks links;

    @BeforeEach
    void stubs() {
        // The changed client's platform email belongs to one Intercom contact; another writes from elsewhere.
        intercom.stubFor(post(urlEqualTo("/contacts/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo("sami@example.com")))
                .willReturn(IntercomFixtures.json(200, CanvasPayloads.json(Map.of("type", "list", "data",
                        List.of(Map.of("type", "contact", "id", "c-by-email", "email", "sami@example.com", "role", "user")),
                        "total_count", 1)))));
    }

    private void changeOf(String email, Long clientId) {
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES).toString();
        platform.stubFor(get(urlPathEqualTo("/v1/client-changes")).willReturn(PlatformFixtures.json(
                "{\"changes\": [{\"email\": \"" + email + "\"" + (clientId == null ? "" : ", \"clientId\": " + clientId)
                        + ", \"changedAt\": \"" + at + "\"}], \"nextCursor\": null}")));
    }

    private List<SyncJob> jobs() {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>list("workspaceId", workspace));
    }

    @Test
    void queuesTheContactsLinkedToTheChangedClientBesidesThoseWithItsEmail() {
        links.link(workspace, "c-linked", 4719854L, "814860", null);
        links.link(workspace, "c-linked-elsewhere", 131446L, "814860", null);
        changeOf("sami@example.com", 4719854L);

        assertThat(poll.run(workspace)).isEqualTo(2);

        assertThat(jobs()).extracting(j -> j.contactId).containsExactlyInAnyOrder("c-by-email", "c-linked");
        assertThat(jobs()).allSatisfy(j -> assertThat(j.lastTrigger).isEqualTo(SyncTrigger.PLATFORM_CHANGE));
    }

    @Test
    void aChangeWithoutAClientIdQueuesOnlyTheContactsWithItsEmail() {
        links.link(workspace, "c-linked", 4719854L, "814860", null);
        changeOf("sami@example.com", null);

        assertThat(poll.run(workspace)).isEqualTo(1);
        assertThat(jobs()).extracting(j -> j.contactId).containsExactly("c-by-email");
    }
}
