package app.carepanel.install;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.audit.AccessRecord;
import app.carepanel.profile.ProfileSnapshot;
import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.sync.SyncJob;
import app.carepanel.link.ContactLinks;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Intercom's uninstall notice removes the workspace's token and what the app holds about its clients, and keeps
 * the access audit trail; a workspace without a token keeps its syncs waiting, saying why.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class UninstallTest extends AppTest {

    @Inject
    Workspaces workspaces;

    @Inject
    ContactLinks links;

    private String canvas(String workspaceId) {
        return CanvasPayloads.initialize("c-1", "sami@example.com")
                .replace("\"workspace_id\":\"" + CanvasPayloads.WORKSPACE + "\"", "\"workspace_id\":\"" + workspaceId + "\"");
    }

    private static String notice(String workspaceId) {
        return "{\"app_id\": \"" + workspaceId + "\"}";
    }

    private long count(Class<?> type, String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> type == SyncJob.class ? SyncJob.count("workspaceId", workspaceId)
                : type == ProfileSnapshot.class ? ProfileSnapshot.count("workspaceId", workspaceId)
                : AccessRecord.count("workspaceId", workspaceId));
    }

    @Test
    void uninstallsOnASignedNoticeAndForgetsTheWorkspacesClientsButNotWhoSawThem() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, "c-1", "sami@example.com");
        Signed.canvas(canvas(workspace)).post("/canvas/initialize").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(SyncJob.class, workspace) == 1
                && count(ProfileSnapshot.class, workspace) == 1);

        Signed.canvas(notice(workspace)).post("/uninstall").then().statusCode(200)
                .body("status", equalTo("uninstalled"));

        assertThat(workspaces.isServed(workspace)).isFalse();
        assertThat(count(SyncJob.class, workspace)).isZero();
        assertThat(count(ProfileSnapshot.class, workspace)).isZero();
        assertThat(count(AccessRecord.class, workspace)).isEqualTo(1);
        String after = Signed.canvas(canvas(workspace)).post("/canvas/initialize").then().statusCode(200)
                .extract().asString();
        assertThat(CanvasView.initializeResponse(after).allText()).anyMatch(text -> text.contains("not set up"));
    }

    @Test
    void forgetsTheWorkspacesContactLinksButNotAnotherWorkspaces() {
        links.link(workspace, "c-1", 4719854L, "814860", "Casey Teammate");
        links.link(CanvasPayloads.WORKSPACE, "c-1", 4719854L, "814860", "Casey Teammate");

        Signed.canvas(notice(workspace)).post("/uninstall").then().statusCode(200);

        assertThat(links.of(workspace, "c-1")).isEmpty();
        assertThat(links.of(CanvasPayloads.WORKSPACE, "c-1")).isPresent();
    }

    @Test
    void refusesAnUnsignedOrWronglySignedNotice() {
        given().contentType(ContentType.JSON).body(notice(workspace)).post("/uninstall").then().statusCode(401)
                .body("error", containsString("X-Body-Signature"));
        given().contentType(ContentType.JSON).header("X-Body-Signature", "00".repeat(32)).body(notice(workspace))
                .post("/uninstall").then().statusCode(401);

        assertThat(workspaces.isServed(workspace)).isTrue();
    }

    @Test
    void answersAnUnknownOrRepeatedNoticeWithoutChangingAnything() {
        Signed.canvas(notice("ws-never-installed")).post("/uninstall").then().statusCode(200)
                .body("status", equalTo("not installed"));
        Signed.canvas(notice(workspace)).post("/uninstall").then().statusCode(200).body("status", equalTo("uninstalled"));
        Signed.canvas(notice(workspace)).post("/uninstall").then().statusCode(200).body("status", equalTo("not installed"));
    }

    @Test
    void refusesANoticeThatNamesNoWorkspace() {
        Signed.canvas("{}").post("/uninstall").then().statusCode(400).body("error", containsString("app_id"));
        Signed.canvas("not json").post("/uninstall").then().statusCode(400);
    }

    @Test
    void keepsTheSyncsOfAWorkspaceWithoutATokenWaitingAndSaysWhy() {
        String stranger = workspace + "-x";
        Signed.webhook(WebhookPayloads.emailUpdated("n-" + stranger, stranger, "c-9")).post("/webhooks/intercom")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                SyncJob.<SyncJob>find("workspaceId", stranger).firstResultOptional()
                        .map(job -> job.lastError != null).orElse(false)));

        SyncJob job = QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>find("workspaceId", stranger).firstResult());
        assertThat(job.status).isEqualTo(SyncJob.Status.PENDING);
        assertThat(job.attempts).isZero();
        given().header("Authorization", "Bearer test-sync-token").get("/sync/status").then().statusCode(200)
                .body("lastFailures.reason", hasItem(containsString("not installed")));
        intercom.verify(0, getRequestedFor(urlEqualTo("/contacts/c-9")));
        // A caller that would wait is told at once why nothing will run.
        given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", stranger)
                .queryParam("wait", "true").post("/sync/contacts/c-9").then().statusCode(202)
                .body("detail", containsString("not installed"));
    }
}
