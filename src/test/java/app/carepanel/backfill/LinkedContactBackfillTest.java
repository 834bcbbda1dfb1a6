package app.carepanel.backfill;

import static app.carepanel.backfill.BackfillFixtures.page;
import static app.carepanel.backfill.BackfillFixtures.user;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.link.ContactLinks;
import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A backfill's dry run counts a contact linked by hand as its client's, whatever the contact's email. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class LinkedContactBackfillTest extends AppTest {

    private static final String TOKEN = "Bearer test-sync-token";

    @Inject
    ContactLinks links;

    @Test
    void aDryRunCountsAContactLinkedByHandAsItsClientsWhateverItsEmail() {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/4719854")).willReturn(PlatformFixtures.json(PlatformFixtures.SAMI)));
        PlatformFixtures.answer(platform, "nobody@example.com");
        page(intercom, null, null, 2, List.of(user("c-linked-no-email", null), user("c-linked-stranger", "nobody@example.com")));
        links.link(workspace, "c-linked-no-email", 4719854L, "814860", null);
        links.link(workspace, "c-linked-stranger", 4719854L, "814860", null);

        long id = given().header("Authorization", TOKEN).queryParam("workspace_id", workspace).queryParam("dry_run", true)
                .post("/sync/backfill").then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(progress(id).getString("state")));

        JsonPath done = progress(id);
        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getMap("counts")).containsEntry("would_write", 2).containsEntry("no_account", 0)
                .containsEntry("excluded_or_invalid_email", 0);
        platform.verify(0, PlatformFixtures.lookupsOf("nobody@example.com"));
    }

    private static JsonPath progress(long id) {
        return given().header("Authorization", TOKEN).get("/sync/backfill/" + id).then().statusCode(200).extract().jsonPath();
    }
}
