package app.carepanel.console;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.carepanel.audit.AccessRecord;
import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.sync.SyncJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The preview page: the app's own canvas for an email, what Intercom holds beside it, and input it refuses. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class ConsolePreviewTest extends AppTest {

    private static final String SESSION = "care_panel_admin";

    @Test
    void showsTheAppsOwnAttributesIntercomHoldsForTheContactAndNoOthers() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.attributesExist(intercom, java.util.Map.of());
        IntercomFixtures.writesSucceed(intercom);
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-held")).willReturn(IntercomFixtures.json(200, """
                {"type": "contact", "id": "c-held", "role": "user", "email": "sami@example.com",
                 "custom_attributes": {"Client Status": "Active", "Platform Account Exists": "Yes", "plan": "gold",
                                       "next_appointment_at": 1796601600}}
                """)));
        String session = signedIn();

        String page = given().cookie(SESSION, session).queryParam("email", "sami@example.com")
                .queryParam("contact_id", "c-held").get("/admin/preview").then().statusCode(200).extract().asString();

        String held = page.substring(page.indexOf("id=\"held\""));
        assertThat(held).contains("What Intercom holds for contact c-held", "<td>Client Status</td><td>Active</td>",
                "<td>Platform Account Exists</td><td>Yes</td>",
                "<td>next_appointment_at</td><td>1796601600 (2026-12-07 00:00 UTC)</td>").doesNotContain("plan", "gold");
        assertThat(page).contains("Sami Ruhsuf");
    }

    @Test
    void aPreviewWithAnotherContactsIdSyncsThatContactWithItsOwnEmail() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "riley@example.com");
        IntercomFixtures.contactExists(intercom, "c-riley", "riley@example.com");
        IntercomFixtures.attributesExist(intercom, java.util.Map.of());
        IntercomFixtures.writesSucceed(intercom);
        String session = signedIn();

        given().cookie(SESSION, session).queryParam("email", "sami@example.com").queryParam("contact_id", "c-riley")
                .get("/admin/preview").then().statusCode(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo("c-riley"))).isNotEmpty());
        java.util.Map<String, Object> written = IntercomFixtures.lastWrite(intercom, "c-riley");
        assertThat(written).containsEntry("Platform Account Exists", "No");
        assertThat(written.values()).doesNotContain("Sami Ruhsuf", "4719854");
    }

    @Test
    void aPreviewWithoutContactIdIsAuditedAndQueuesNoSync() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        String session = signedIn();

        String page = given().cookie(SESSION, session).queryParam("email", "sami@example.com").get("/admin/preview")
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("Sami Ruhsuf").doesNotContain("id=\"held\"");
        List<AccessRecord> rows = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>list(
                "workspaceId", workspace));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.action).isEqualTo("preview");
            assertThat(row.adminId).isEqualTo("admin-7");
            assertThat(row.contactId).isNull();
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> SyncJob.count("workspaceId", workspace))).isZero();
    }

    @Test
    void thePreviewSearchesWithWhatWasTypedAndOffersEachMatchAsAButton() {
        PlatformFixtures.answer(platform, "elsewhere@example.net");
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).withQueryParam("q",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Ruhsuf")).willReturn(PlatformFixtures.json(
                        PlatformFixtures.clients(PlatformFixtures.SAMI))));
        String session = signedIn();
        String first = given().cookie(SESSION, session).queryParam("email", "elsewhere@example.net").get("/admin/preview")
                .then().statusCode(200).extract().asString();
        assertThat(first).contains("value=\"find-client\"");

        String page = given().cookie(SESSION, session).formParam("csrf", ConsoleSignInTest.csrfOf(first))
                .formParam("email", "elsewhere@example.net").formParam("component_id", "search-clients")
                .formParam("stored_data", "{\"view\":\"summary\"}").formParam("input_id", "client-query")
                .formParam("input_value", "Ruhsuf").post("/admin/preview").then().statusCode(200).extract().asString();

        assertThat(page).contains("name=\"input_value\"", "value=\"Ruhsuf\"",
                "value=\"pick-client-4719854\">Sami Ruhsuf</button>", "Client 4719854 · Active · Ruh Care Inc · s•••@example.com");
    }

    @Test
    void saysWhatIsWrongWithInputThatCannotBeAContact() {
        String session = signedIn();

        assertThat(given().cookie(SESSION, session).queryParam("email", "a".repeat(300) + "@example.com")
                .get("/admin/preview").then().statusCode(200).extract().asString())
                .contains("longer than any email address").doesNotContain("id=\"panel\"");
        assertThat(given().cookie(SESSION, session).queryParam("email", "sami@example.com")
                .queryParam("contact_id", "not an id").get("/admin/preview").then().statusCode(200).extract().asString())
                .contains("The contact id is not an Intercom id", "value=\"not an id\"",
                        "aria-describedby=\"preview-problem\"").doesNotContain("id=\"panel\"");
        assertThat(given().cookie(SESSION, session).queryParam("email", "not-an-address").get("/admin/preview")
                .then().statusCode(200).extract().asString()).contains("not a valid address");
    }

    @Test
    void sendsAVisitorWithoutSessionToSignIn() {
        assertThat(given().redirects().follow(false).queryParam("email", "sami@example.com").get("/admin/preview")
                .header("Location")).endsWith("/admin/sign-in");
        assertThat(given().redirects().follow(false).formParam("email", "sami@example.com").post("/admin/preview")
                .header("Location")).endsWith("/admin/sign-in");
    }

    private String signedIn() {
        OAuthDance.exchanges(intercom, "code-preview", "token-preview");
        OAuthDance.owns(intercom, "token-preview", workspace, "us", true);
        return OAuthDance.signIn("code-preview").getCookie(SESSION);
    }
}
