package app.carepanel.backfill;

import static app.carepanel.backfill.BackfillFixtures.page;
import static app.carepanel.backfill.BackfillFixtures.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The console's backfill page as forms and JSON: who may use it, the confirmation, progress, Cancel. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class BackfillConsoleTest extends AppTest {

    private static final String SESSION = "care_panel_admin";

    private String session;

    @BeforeEach
    void signedIn() {
        OAuthDance.exchanges(intercom, "code-backfill", "token-backfill");
        OAuthDance.owns(intercom, "token-backfill", workspace, "us", true);
        session = OAuthDance.signIn("code-backfill").getCookie(SESSION);
    }

    @Test
    void sendsAVisitorWithoutSessionToSignInAndRefusesTheProgressJson() {
        Response page = given().redirects().follow(false).get("/admin/backfill");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/admin/sign-in");
        given().get("/admin/backfill/1").then().statusCode(401).body("error", equalTo("sign in to the console again"));
    }

    @Test
    void refusesAFormWithoutTheSessionsTokenAndStartsNothing() {
        Response refused = given().cookie(SESSION, session).formParam("csrf", "forged").formParam("dry_run", "true")
                .post("/admin/backfill");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Nothing was changed");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Backfill.count())).isZero();
    }

    @Test
    void writingEveryContactWaitsForTheConfirmation() {
        Response unconfirmed = given().cookie(SESSION, session).formParam("csrf", csrf()).formParam("dry_run", "false")
                .redirects().follow(false).post("/admin/backfill");

        assertThat(unconfirmed.statusCode()).isEqualTo(303);
        assertThat(given().cookie(SESSION, session).get(unconfirmed.header("Location")).asString())
                .contains("Nothing was started: tick the box to confirm writing every contact.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Backfill.count())).isZero();
    }

    @Test
    void startsADryRunShowsItsProgressAndCancelsIt() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        // Twenty distinct slow addresses (one shared address would be answered from the cache after its first
        // lookup), so that the run is still going when it is cancelled.
        IntStream.range(1, 21).forEach(i -> platform.stubFor(PlatformFixtures.lookupOf("slow" + i + "@example.com")
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients()).withFixedDelay(400))));
        page(intercom, null, null, 21, IntStream.range(0, 21).mapToObj(i -> user("c-" + i,
                i == 0 ? "sami@example.com" : "slow" + i + "@example.com")).toList());

        Response started = given().cookie(SESSION, session).formParam("csrf", csrf()).formParam("dry_run", "true")
                .redirects().follow(false).post("/admin/backfill");

        assertThat(started.statusCode()).isEqualTo(303);
        Backfill backfill = QuarkusTransaction.requiringNew().call(() -> Backfill.<Backfill>find("workspaceId", workspace)
                .singleResult());
        assertThat(backfill.startedBy).isEqualTo("admin-7");
        String page = given().cookie(SESSION, session).get(started.header("Location")).asString();
        assertThat(page).contains("The dry run started.", "Dry run #" + backfill.id, "Started", "by admin admin-7",
                "<progress id=\"backfill-progress\"", "/admin/backfill/" + backfill.id + "/cancel");
        given().cookie(SESSION, session).get("/admin/backfill/" + backfill.id).then().statusCode(200)
                .body("dry_run", equalTo(true)).body("state", equalTo("running"));
        given().cookie(SESSION, session).get("/admin/backfill/999999").then().statusCode(404);

        Response cancelled = given().cookie(SESSION, session).formParam("csrf", csrf()).redirects().follow(false)
                .post("/admin/backfill/" + backfill.id + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(given().cookie(SESSION, session).get(cancelled.header("Location")).asString())
                .contains("The backfill was cancelled.", "Cancelled: cancelled by admin admin-7.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().cookie(SESSION, session)
                .get("/admin/backfill/" + backfill.id).then().body("state", equalTo("cancelled")));
    }

    @Test
    void showsNoOtherWorkspacesBackfill() {
        page(intercom, null, null, 0, List.of());
        long other = given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", installed("ws-other-backfill").id())
                .queryParam("dry_run", true).post("/sync/backfill").then().statusCode(202).extract().jsonPath().getLong("id");

        given().cookie(SESSION, session).get("/admin/backfill/" + other).then().statusCode(404)
                .body("error", equalTo("no such backfill in this workspace"));
        assertThat(given().cookie(SESSION, session).get("/admin/backfill").asString())
                .doesNotContain("id=\"backfill-title\"", " #" + other + ":").contains("Start a backfill");
    }

    private String csrf() {
        String page = given().cookie(SESSION, session).get("/admin/backfill").asString();
        int at = page.indexOf("name=\"csrf\" value=\"");
        assertThat(at).isNotNegative();
        int start = at + "name=\"csrf\" value=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }
}
