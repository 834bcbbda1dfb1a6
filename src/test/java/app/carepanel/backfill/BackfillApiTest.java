package app.carepanel.backfill;

import static app.carepanel.backfill.BackfillFixtures.lead;
import static app.carepanel.backfill.BackfillFixtures.page;
import static app.carepanel.backfill.BackfillFixtures.user;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** {@code /sync/backfill}: the real run through the normal sync, and every refusal. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class BackfillApiTest extends AppTest {

    private static final String TOKEN = "Bearer test-sync-token";

    @Test
    void realRunQueuesEveryContactWithAnEmailAndTheSyncWritesThem() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "jordan@example.com", PlatformFixtures.JORDAN_SECOND);
        PlatformFixtures.answer(platform, "nobody@example.com");
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
        page(intercom, null, "p2", 5, List.of(user("c-sami", "sami@example.com"), lead("c-jordan", "jordan@example.com"),
                user("c-no-email", null)));
        page(intercom, "p2", null, 5, List.of(lead("c-support", "support@practice.example"),
                user("c-stranger", "nobody@example.com")));

        Response started = authorised().queryParam("workspace_id", workspace)
                .queryParam("dry_run", "false").post("/sync/backfill");
        started.then().statusCode(202).body("dry_run", equalTo(false)).body("started_by", equalTo("api"));
        long id = started.jsonPath().getLong("id");
        assertThat(started.header("Location")).endsWith("/sync/backfill/" + id);

        JsonPath done = await().atMost(Duration.ofSeconds(60)).until(() -> authorised().get("/sync/backfill/" + id)
                .then().statusCode(200).extract().jsonPath(), p -> "done".equals(p.getString("state")));
        assertThat(done.getMap("counts")).containsEntry("seen", 5).containsEntry("queued", 3)
                .containsEntry("excluded_or_invalid_email", 2).containsEntry("would_write", 0).containsEntry("failed", 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(IntercomFixtures.lastWrite(intercom, "c-sami")).containsEntry("Client ID", "4719854");
            assertThat(IntercomFixtures.lastWrite(intercom, "c-jordan")).containsEntry("Client ID", "131447");
            assertThat(IntercomFixtures.lastWrite(intercom, "c-stranger")).containsEntry("Platform Account Exists", "No");
        });
        intercom.verify(0, IntercomFixtures.writesTo("c-no-email"));
        intercom.verify(0, IntercomFixtures.writesTo("c-support"));
        // The listing gave each email: no sync read its contact again.
        intercom.verify(0, getRequestedFor(urlPathMatching("/contacts/.+")));

        authorised().post("/sync/backfill/" + id + "/cancel").then().statusCode(409)
                .body("error", equalTo("backfill " + id + " has already ended (done)"));
    }

    @Test
    void refusesCallsWithoutTheSyncApiToken() {
        given().queryParam("workspace_id", workspace).queryParam("dry_run", true).post("/sync/backfill")
                .then().statusCode(401).body("error", equalTo("missing bearer token"));
        given().header("Authorization", "Bearer not-it").get("/sync/backfill/1")
                .then().statusCode(401).body("error", equalTo("wrong bearer token"));
        given().post("/sync/backfill/1/cancel").then().statusCode(401);
    }

    @Test
    void refusesAStartWithoutAWorkspaceOrAPlainDryRunFlag() {
        authorised().queryParam("dry_run", true).post("/sync/backfill")
                .then().statusCode(400).body("error", equalTo("workspace_id is required"));
        authorised().queryParam("workspace_id", "has space").queryParam("dry_run", true).post("/sync/backfill")
                .then().statusCode(400).body("error", equalTo("workspace_id is not an Intercom id: at most 64 printable "
                        + "ASCII characters without spaces, and not . or .."));
        authorised().queryParam("workspace_id", workspace).post("/sync/backfill").then().statusCode(400)
                .body("error", equalTo("dry_run is required: true counts what would be written, false writes every contact"));
        authorised().queryParam("workspace_id", workspace).queryParam("dry_run", "maybe").post("/sync/backfill")
                .then().statusCode(400).body("error", equalTo("dry_run must be true or false"));
    }

    @Test
    void refusesToBackfillAWorkspaceThatHasNotInstalledTheApp() {
        authorised().queryParam("workspace_id", "ws-never-installed").queryParam("dry_run", true).post("/sync/backfill")
                .then().statusCode(400).body("error", equalTo("workspace ws-never-installed cannot be backfilled: "
                        + "not installed: no admin of this workspace has installed the app"));
    }

    @Test
    void answersUnknownAndMalformedBackfillIds() {
        authorised().get("/sync/backfill/999999").then().statusCode(404).body("error", equalTo("no backfill 999999"));
        authorised().post("/sync/backfill/999999/cancel").then().statusCode(404);
        authorised().get("/sync/backfill/abc").then().statusCode(400)
                .body("error", equalTo("a backfill id is a positive number"));
        authorised().get("/sync/backfill/-3").then().statusCode(400);
    }

    private static RequestSpecification authorised() {
        return given().header("Authorization", TOKEN);
    }
}
