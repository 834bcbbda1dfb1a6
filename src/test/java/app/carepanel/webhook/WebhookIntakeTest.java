package app.carepanel.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.carepanel.support.CapturedLogs;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.sync.SyncTrigger;
import app.carepanel.sync.PendingTagRemoval;
import app.carepanel.sync.SyncJob;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** What the webhook endpoint takes in and stores, with the workers off so the stored queue can be read as is. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class WebhookIntakeTest extends AppTest {

    private static final String WORKSPACE = "ws-webhooks";

    private static List<SyncJob> jobs() {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>listAll());
    }

    @Test
    void answersHeadSoIntercomCanValidateTheUrl() {
        given().head("/webhooks/intercom").then().statusCode(200);
    }

    @Test
    void refusesNotificationWithoutSignature() {
        given().contentType(ContentType.JSON).body(WebhookPayloads.clientReplied("n-1", WORKSPACE, "conv", "c-1"))
                .post("/webhooks/intercom")
                .then().statusCode(401).body("error", containsString("missing X-Hub-Signature"));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void refusesNotificationWithWrongSignature() {
        String body = WebhookPayloads.clientReplied("n-1", WORKSPACE, "conv", "c-1");
        given().contentType(ContentType.JSON).header("X-Hub-Signature", "sha1=" + Signed.hex("HmacSHA1", body + "x"))
                .body(body).post("/webhooks/intercom")
                .then().statusCode(401).body("error", containsString("does not match"));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void refusesCanvasStyleSignatureOnAWebhook() {
        String body = WebhookPayloads.clientReplied("n-1", WORKSPACE, "conv", "c-1");
        given().contentType(ContentType.JSON).header("X-Hub-Signature", Signed.hex("HmacSHA256", body))
                .body(body).post("/webhooks/intercom").then().statusCode(401);
    }

    @Test
    void answersSignedGarbageWith400() {
        Signed.webhook("{\"topic\": ").post("/webhooks/intercom").then().statusCode(400);
        Signed.webhook("{\"topic\": \"conversation.user.replied\"}").post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("app_id"));
    }

    @Test
    void storesEveryContactOfAConversationTheClientRepliedIn() {
        Signed.webhook(WebhookPayloads.clientReplied("n-1", WORKSPACE, "conv-1", "c-1", "c-2"))
                .post("/webhooks/intercom")
                .then().statusCode(200).body("status", equalTo("queued")).body("contacts", equalTo(2));

        assertThat(jobs()).extracting(j -> j.contactId).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(jobs()).allSatisfy(j -> {
            assertThat(j.workspaceId).isEqualTo(WORKSPACE);
            assertThat(j.status).isEqualTo(SyncJob.Status.PENDING);
            assertThat(j.lastTrigger).isEqualTo(SyncTrigger.MESSAGE);
        });
    }

    @Test
    void storesTheContactWhoseEmailChanged() {
        Signed.webhook(WebhookPayloads.emailUpdated("n-2", WORKSPACE, "c-7")).post("/webhooks/intercom")
                .then().statusCode(200).body("status", equalTo("queued"));
        assertThat(jobs()).singleElement().satisfies(j -> {
            assertThat(j.contactId).isEqualTo("c-7");
            assertThat(j.refetch).as("an email change needs the platform's current data").isTrue();
        });
    }

    @Test
    void storesTagTriggerWithTheTagToRemove() {
        Signed.webhook(WebhookPayloads.tagged("n-3", WORKSPACE, "conv-3", "tag-9", "platform-sync", "admin-1", "c-3"))
                .post("/webhooks/intercom").then().statusCode(200).body("status", equalTo("queued"));
        assertThat(jobs()).singleElement().satisfies(j -> assertThat(j.lastTrigger).isEqualTo(SyncTrigger.TAG));
        assertThat(tagRemovals()).singleElement().satisfies(t -> {
            assertThat(t.contactId).isEqualTo("c-3");
            assertThat(t.conversationId).isEqualTo("conv-3");
            assertThat(t.tagId).isEqualTo("tag-9");
            assertThat(t.adminId).isEqualTo("admin-1");
        });
    }

    @Test
    void keepsEveryTagToRemoveWhenTriggersCoalesce() {
        Signed.webhook(WebhookPayloads.tagged("n-3a", WORKSPACE, "conv-3", "tag-9", "platform-sync", "admin-1", "c-3"))
                .post("/webhooks/intercom").then().statusCode(200);
        Signed.webhook(WebhookPayloads.tagged("n-3b", WORKSPACE, "conv-4", "tag-9", "platform-sync", "admin-2", "c-3"))
                .post("/webhooks/intercom").then().statusCode(200);

        assertThat(jobs()).hasSize(1);
        assertThat(tagRemovals()).extracting(t -> t.conversationId).containsExactlyInAnyOrder("conv-3", "conv-4");
    }

    @Test
    void refusesIdsThatAreNoIntercomIdsWith400AndStoresNothing() {
        String longId = "c".repeat(65);
        Signed.webhook(WebhookPayloads.emailUpdated("n-long-contact", WORKSPACE, longId)).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("data.item.id is not an Intercom id"));
        Signed.webhook(WebhookPayloads.clientReplied("n-ctrl", WORKSPACE, "conv-1", "c-\u0000")).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("is not an Intercom id"));
        Signed.webhook(WebhookPayloads.emailUpdated("n".repeat(129), WORKSPACE, "c-1")).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("notification id"));
        Signed.webhook(WebhookPayloads.emailUpdated("n-long-app", "w".repeat(65), "c-1")).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("app_id"));
        Signed.webhook(WebhookPayloads.emailUpdated("c".repeat(64), WORKSPACE, "c".repeat(64))).post("/webhooks/intercom")
                .then().statusCode(200);

        assertThat(jobs()).extracting(j -> j.contactId).containsExactly("c".repeat(64));
    }

    @ParameterizedTest(name = "id ''{0}''")
    @ValueSource(strings = { ".", ".." })
    void refusesDotIdsThatAPathWouldReadAsAnotherPathAndStoresNothing(String id) {
        Signed.webhook(WebhookPayloads.emailUpdated("n-dots-contact", WORKSPACE, id)).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("data.item.id is not an Intercom id"));
        Signed.webhook(WebhookPayloads.clientReplied("n-dots-member", WORKSPACE, "conv-1", id)).post("/webhooks/intercom")
                .then().statusCode(400).body("error", containsString("is not an Intercom id"));
        Signed.webhook(WebhookPayloads.tagged("n-dots-conversation", WORKSPACE, id, "t-1", "platform-sync", "admin-5", "c-1"))
                .post("/webhooks/intercom").then().statusCode(400).body("error", containsString("conversation id"));
        Signed.webhook(WebhookPayloads.tagged("n-dots-tag", WORKSPACE, "conv-1", id, "platform-sync", "admin-5", "c-1"))
                .post("/webhooks/intercom").then().statusCode(400).body("error", containsString("tag id"));

        assertThat(jobs()).isEmpty();
        assertThat(tagRemovals()).isEmpty();
    }

    @Test
    void answersAMalformedConversationWith400() {
        String body = "{\"id\":\"n-bad\",\"topic\":\"conversation.user.replied\",\"app_id\":\"ws\","
                + "\"data\":{\"item\":{\"type\":\"conversation\",\"id\":\"1\",\"contacts\":[\"not\",\"a\",\"list\"]}}}";
        Signed.webhook(body).post("/webhooks/intercom").then().statusCode(400);
        Signed.webhook("{\"id\":\"n-null\",\"topic\":\"conversation.user.replied\",\"app_id\":\"ws\",\"data\":{\"item\":null}}")
                .post("/webhooks/intercom").then().statusCode(400);
        assertThat(jobs()).isEmpty();
    }

    @Test
    void aPersonAskingCutsShortTheBackoffOfAFailedSync() {
        Signed.webhook(WebhookPayloads.clientReplied("n-10", WORKSPACE, "conv", "c-1")).post("/webhooks/intercom")
                .then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> SyncJob.update("attempts = 2, nextAttemptAt = ?1",
                java.time.Instant.now().plusSeconds(600)));

        given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", WORKSPACE)
                .post("/sync/contacts/c-1").then().statusCode(202);

        assertThat(jobs()).singleElement().satisfies(j ->
                assertThat(j.nextAttemptAt).isBeforeOrEqualTo(java.time.Instant.now()));
    }

    private static List<PendingTagRemoval> tagRemovals() {
        return QuarkusTransaction.requiringNew().call(() -> PendingTagRemoval.<PendingTagRemoval>listAll());
    }

    @Test
    void ignoresOtherTags() {
        Signed.webhook(WebhookPayloads.tagged("n-4", WORKSPACE, "conv-4", "tag-1", "vip", "admin-1", "c-4"))
                .post("/webhooks/intercom").then().statusCode(200).body("status", equalTo("ignored"));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void acknowledgesOtherTopicsAndIgnoresThem() {
        Signed.webhook(WebhookPayloads.other("n-5", WORKSPACE, "conversation.admin.closed")).post("/webhooks/intercom")
                .then().statusCode(200).body("status", equalTo("ignored"));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void ignoresConversationsThatReplyToASharedAddress() {
        Signed.webhook(WebhookPayloads.conversationCreated("n-6", WORKSPACE, "conv-6", "Billing@Practice.Example", "c-6"))
                .post("/webhooks/intercom").then().statusCode(200).body("status", equalTo("ignored"));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void takesInADuplicateNotificationOnlyOnce() {
        String body = WebhookPayloads.clientReplied("n-dup", WORKSPACE, "conv", "c-1");
        Signed.webhook(body).post("/webhooks/intercom").then().statusCode(200).body("status", equalTo("queued"));
        QuarkusTransaction.requiringNew().run(() -> SyncJob.update("status = ?1", SyncJob.Status.DONE));

        Signed.webhook(body).post("/webhooks/intercom").then().statusCode(200).body("status", equalTo("duplicate"));

        assertThat(jobs()).singleElement().satisfies(j -> assertThat(j.status).isEqualTo(SyncJob.Status.DONE));
    }

    @Test
    void answersConcurrentDeliveriesOfOneNotificationOnceAndLogsNoStackTrace() throws Exception {
        String body = WebhookPayloads.clientReplied("n-twice-at-once", WORKSPACE, "conv", "c-new-1", "c-new-2");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (CapturedLogs logs = CapturedLogs.install()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> Signed.webhook(body).post("/webhooks/intercom")
                        .then().statusCode(200).extract().path("status")));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<String> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnlyOnce("queued").containsOnly("queued", "duplicate");
            assertThat(jobs()).extracting(j -> j.contactId).containsExactlyInAnyOrder("c-new-1", "c-new-2");
            assertThat(logs.lines()).noneMatch(line -> line.contains("\tat "));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void coalescesABurstForOneContactIntoOneJob() {
        for (int i = 0; i < 25; i++) {
            Signed.webhook(WebhookPayloads.clientReplied("n-burst-" + i, WORKSPACE, "conv", "c-busy"))
                    .post("/webhooks/intercom").then().statusCode(200);
        }
        assertThat(jobs()).singleElement().satisfies(j -> assertThat(j.status).isEqualTo(SyncJob.Status.PENDING));
    }

    @Test
    void callsNeitherThePlatformNorIntercomBeforeAnswering() {
        Signed.webhook(WebhookPayloads.clientReplied("n-7", WORKSPACE, "conv", "c-1")).post("/webhooks/intercom")
                .then().statusCode(200);
        Signed.webhook(WebhookPayloads.tagged("n-8", WORKSPACE, "conv-8", "tag-9", "platform-sync", "admin-1", "c-8"))
                .post("/webhooks/intercom").then().statusCode(200);
        assertThat(platform.getAllServeEvents()).isEmpty();
        assertThat(intercom.getAllServeEvents()).isEmpty();
    }

    @Test
    void statusCountsPendingWorkAndItsAge() {
        Signed.webhook(WebhookPayloads.clientReplied("n-9", WORKSPACE, "conv", "c-1", "c-2")).post("/webhooks/intercom")
                .then().statusCode(200);
        given().header("Authorization", "Bearer test-sync-token").get("/sync/status")
                .then().statusCode(200)
                .body("pending", equalTo(2))
                .body("running", equalTo(0))
                .body("failed", equalTo(0))
                .body("oldestPendingSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
