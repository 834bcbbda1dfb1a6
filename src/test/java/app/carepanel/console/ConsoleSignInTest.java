package app.carepanel.console;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.carepanel.install.AdminSession;
import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Signing in to the console with Intercom, what a session may do, and what it may not. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class ConsoleSignInTest extends AppTest {

    private static final String SESSION = "care_panel_admin";

    @Test
    void sendsAVisitorWithoutSessionToSignInWithIntercom() {
        Response console = given().redirects().follow(false).get("/admin");
        assertThat(console.statusCode()).isEqualTo(303);
        assertThat(console.header("Location")).endsWith("/admin/sign-in");

        OAuthDance.Started started = OAuthDance.beginSignIn();
        assertThat(started.response().statusCode()).isEqualTo(303);
        assertThat(OAuthDance.query(started.response().header("Location")))
                .containsEntry("client_id", IntercomStub.CLIENT_ID)
                .containsEntry("redirect_uri", IntercomStub.APP_BASE_URL + "/install/callback");
    }

    @Test
    void theBareAddressLeadsToTheConsole() {
        Response home = given().redirects().follow(false).get("/");

        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/admin");
    }

    @Test
    void signsInAnAdminOfAnInstalledWorkspaceWithAnHttpOnlySessionCookie() {
        OAuthDance.exchanges(intercom, "code-admin", "token-admin");
        OAuthDance.owns(intercom, "token-admin", workspace, "us", true);

        Response callback = OAuthDance.signIn("code-admin");

        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.header("Location")).endsWith("/admin");
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(SESSION + "=").contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/admin", "Max-Age="));
        String page = given().cookie(SESSION, callback.getCookie(SESSION)).get("/admin").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Attribute sync", workspace, "admin-7", "Sign out");
        // The sign-in's token is neither kept nor revoked: revoking would remove the app from the workspace.
        intercom.verify(0, postRequestedFor(urlEqualTo("/auth/uninstall")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> AdminSession.<AdminSession>listAll()))
                .singleElement().satisfies(row -> assertThat(row.sessionDigest).isNotEqualTo(callback.getCookie(SESSION)));
    }

    @Test
    void refusesAnAdminOfAWorkspaceThatHasNotInstalledTheApp() {
        OAuthDance.exchanges(intercom, "code-stranger", "token-stranger");
        OAuthDance.owns(intercom, "token-stranger", "ws-never-installed", "us", true);

        Response callback = OAuthDance.signIn("code-stranger");

        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.asString()).contains("not installed in this Intercom workspace (ws-never-installed)");
        assertThat(callback.getCookie(SESSION)).isNull();
    }

    @Test
    void refusesAnAdminWhoseEmailIsNotVerified() {
        OAuthDance.exchanges(intercom, "code-unverified", "token-unverified");
        OAuthDance.owns(intercom, "token-unverified", workspace, "us", false);

        Response callback = OAuthDance.signIn("code-unverified");

        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.asString()).contains("email address is not verified", "You are not signed in to Care Panel",
                "href=\"/admin/sign-in\"").doesNotContain("was not installed");
        assertThat(callback.getCookie(SESSION)).isNull();
    }

    @Test
    void refusesAFormWithoutTheSessionsTokenAndChangesNothing() {
        String session = signedIn();

        Response refused = given().cookie(SESSION, session).formParam("confirm", "remove").formParam("csrf", "forged")
                .post("/admin/uninstall");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Nothing was changed");
        assertThat(given().cookie(SESSION, session).get("/admin").then().statusCode(200).extract().asString())
                .contains("Remove Care Panel");
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signedIn();
        String csrf = csrfOf(given().cookie(SESSION, session).get("/admin").asString());

        Response out = given().cookie(SESSION, session).formParam("csrf", csrf).post("/admin/sign-out");

        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.asString()).contains("You are signed out");
        assertThat(given().redirects().follow(false).cookie(SESSION, session).get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void removingTheAppRevokesTheTokenAndEndsTheWorkspacesSessions() {
        String session = signedIn();
        String csrf = csrfOf(given().cookie(SESSION, session).get("/admin").asString());

        Response removed = given().cookie(SESSION, session).formParam("csrf", csrf).formParam("confirm", "remove")
                .post("/admin/uninstall");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.asString()).contains("Care Panel was removed", workspace);
        intercom.verify(1, postRequestedFor(urlEqualTo("/auth/uninstall")));
        assertThat(given().redirects().follow(false).cookie(SESSION, session).get("/admin").statusCode()).isEqualTo(303);
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    private String signedIn() {
        OAuthDance.exchanges(intercom, "code-session", "token-session");
        OAuthDance.owns(intercom, "token-session", workspace, "us", true);
        return OAuthDance.signIn("code-session").getCookie(SESSION);
    }

    /** The CSRF token the page's forms carry. */
    static String csrfOf(String page) {
        int at = page.indexOf("name=\"csrf\" value=\"");
        assertThat(at).isNotNegative();
        int start = at + "name=\"csrf\" value=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }
}
