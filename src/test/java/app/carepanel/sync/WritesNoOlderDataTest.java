package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A run writes this instance's copy of the client data only when it is at least as new as the data the contact was
 * last written from; another instance may have fetched and written later, and older data never goes over newer.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class WritesNoOlderDataTest extends AppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String SAMI = "sami@example.com";

    @BeforeEach
    void stubs() {
        PlatformFixtures.answer(platform, SAMI, PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, "c-sami", SAMI);
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
    }

    private void clientReplied() {
        Signed.webhook(WebhookPayloads.clientReplied("n-" + workspace + "-" + System.nanoTime(), workspace, "conv-1",
                "c-sami")).post("/webhooks/intercom").then().statusCode(200);
    }

    private void awaitWrites(int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo("c-sami"))).hasSize(count));
    }

    private SyncJob.Status status() {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>find(
                "workspaceId = ?1 and contactId = ?2", workspace, "c-sami").singleResult().status);
    }

    @Test
    void fetchesAgainWhenItsCopyIsOlderThanWhatTheContactWasLastWrittenFrom() {
        clientReplied();
        awaitWrites(1);
        await().atMost(PATIENCE).until(() -> status() == SyncJob.Status.DONE);
        platform.verify(1, PlatformFixtures.lookupsOf(SAMI));
        // Another instance fetched the client later than this one's copy, and wrote the contact from that.
        QuarkusTransaction.requiringNew().run(() -> SyncJob.update(
                "dataAsOf = ?1 where workspaceId = ?2 and contactId = ?3", Instant.now().plusSeconds(600), workspace,
                "c-sami"));
        PlatformFixtures.answer(platform, SAMI, PlatformFixtures.SAMI.replace("\"cardOnFile\": true", "\"cardOnFile\": false"));

        clientReplied();

        awaitWrites(2);
        platform.verify(2, PlatformFixtures.lookupsOf(SAMI));
        assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsEntry("Card on File", "No");
    }
}
