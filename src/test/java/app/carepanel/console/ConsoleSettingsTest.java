package app.carepanel.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.Signed;
import app.carepanel.workspace.SettingChange;
import app.carepanel.workspace.SettingRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A workspace's own settings: validated like the start-up check, recorded, and applied from the next view. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class ConsoleSettingsTest extends AppTest {

    private static final String SESSION = "care_panel_admin";

    @Test
    void savesAValidSettingAndRecordsWhoChangedWhichWithoutItsValue() {
        String session = signedIn(workspace);

        Response saved = save(session, "display_zone", "Europe/Paris");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(page(session, "/admin/settings?notice=saved")).contains("Saved.", "value=\"Europe/Paris\"");
        List<SettingChange> changes = QuarkusTransaction.requiringNew().call(() -> SettingChange.<SettingChange>listAll());
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.workspaceId).isEqualTo(workspace);
            assertThat(change.adminId).isEqualTo("admin-7");
            assertThat(change.name).isEqualTo("display_zone");
        });
    }

    @Test
    void showsEachInvalidValueBesideItsFieldAndSavesNothing() {
        String session = signedIn(workspace);

        Response refused = given().cookie(SESSION, session).formParam("csrf", csrf(session))
                .formParam("display_zone", "Nowhere/Foo").formParam("default_currency", "EUR")
                .formParam("excluded_emails", "support@practice.example, not-an-address")
                .formParam("allowed_teams", "team one").post("/admin/settings");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Nothing was saved.", "&#39;Nowhere/Foo&#39; is not an IANA time zone",
                "&#39;not-an-address&#39; is not an email address", "&#39;team one&#39; is not an Intercom team id",
                "value=\"EUR\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> SettingRecord.count())).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> SettingChange.count())).isZero();
    }

    @Test
    void aWorkspacesOwnExcludedDomainAndTeamsApplyFromTheNextView() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        String session = signedIn(CanvasPayloads.WORKSPACE);
        assertThat(panel()).contains("Sami Ruhsuf");

        save(session, "excluded_domains", "example.com");
        assertThat(panel()).contains("shared or system address").doesNotContain("Sami Ruhsuf");

        save(session, "excluded_domains", "");
        save(session, "allowed_teams", "team-9");
        assertThat(panel()).contains("You do not have access to client data");

        save(session, "allowed_teams", "");
        assertThat(panel()).contains("Sami Ruhsuf");
    }

    @Test
    void refusesAttributeNamesThatWouldCollideAndSavesNothing() {
        String session = signedIn(workspace);

        Response refused = save(session, "attribute_names", "Client ID=Name");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"attribute_names-problem\"",
                "&#39;Client ID&#39; and &#39;Name&#39; would both be written as &#39;Name&#39;", "Client ID=Name");
        assertThat(QuarkusTransaction.requiringNew().call(() -> SettingRecord.count())).isZero();
    }

    @Test
    void keepsAChosenOptionWhenAnotherFieldIsSaved() {
        String session = signedIn(workspace);
        save(session, "typed_companions", "off");

        save(session, "sync_tag", "resync-now");

        String page = page(session, "/admin/settings");
        assertThat(page).contains("<option value=\"off\" selected>", "value=\"resync-now\"");
    }

    @Test
    void refusesASaveWithoutTheSessionsToken() {
        String session = signedIn(workspace);

        Response refused = given().cookie(SESSION, session).formParam("csrf", "forged")
                .formParam("display_zone", "Europe/Paris").post("/admin/settings");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SettingRecord.count())).isZero();
    }

    private static String panel() {
        return Signed.canvas(CanvasPayloads.initialize("c-settings", "sami@example.com")).post("/canvas/initialize")
                .then().statusCode(200).extract().asString();
    }

    /** Saves the form with one field set and the others as they are. */
    private static Response save(String session, String key, String value) {
        String page = page(session, "/admin/settings");
        var request = given().redirects().follow(false).cookie(SESSION, session)
                .formParam("csrf", ConsoleSignInTest.csrfOf(page));
        for (String field : List.of("display_zone", "default_currency", "phone_region", "excluded_emails",
                "excluded_domains", "allowed_teams", "attribute_names", "typed_companions", "sync_tag", "change_poll")) {
            request.formParam(field, field.equals(key) ? value : currentValue(page, field));
        }
        return request.post("/admin/settings");
    }

    /** A text input's value, a textarea's text, or a select's chosen option, as the page shows it. */
    private static String currentValue(String page, String field) {
        String input = "id=\"" + field + "\" name=\"" + field + "\" value=\"";
        int at = page.indexOf(input);
        if (at >= 0) {
            return page.substring(at + input.length(), page.indexOf('"', at + input.length()));
        }
        int area = page.indexOf("<textarea id=\"" + field + "\"");
        if (area >= 0) {
            int start = page.indexOf('>', area) + 1;
            return page.substring(start, page.indexOf("</textarea>", start));
        }
        int select = page.indexOf("<select id=\"" + field + "\"");
        if (select >= 0) {
            String options = page.substring(select, page.indexOf("</select>", select));
            Matcher chosen = Pattern.compile("value=\"([^\"]*)\" selected").matcher(options);
            return chosen.find() ? chosen.group(1) : "";
        }
        return "";
    }

    private static String page(String session, String path) {
        return given().cookie(SESSION, session).get(path).then().statusCode(200).extract().asString();
    }

    private static String csrf(String session) {
        return ConsoleSignInTest.csrfOf(page(session, "/admin/settings"));
    }

    private String signedIn(String workspaceId) {
        OAuthDance.exchanges(intercom, "code-settings", "token-settings");
        OAuthDance.owns(intercom, "token-settings", workspaceId, "us", true);
        return OAuthDance.signIn("code-settings").getCookie(SESSION);
    }
}
