package app.carepanel.install;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.WorkspaceRecord;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An admin installs the app with Intercom's OAuth; every way the installation can go wrong stores nothing. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class InstallFlowTest extends AppTest {

    private static final String APPSTORE = "https://app.intercom.com/appstore/redirect";

    @Inject
    Workspaces workspaces;

    @Override
    protected boolean installsWorkspace() {
        return false;
    }

    @Test
    void sendsTheAdminToIntercomWithAStateBoundToTheBrowser() {
        OAuthDance.Started started = OAuthDance.begin();

        assertThat(started.response().statusCode()).isEqualTo(303);
        String location = started.response().header("Location");
        assertThat(location).contains(IntercomStub.AUTHORIZE_PATH + "?");
        Map<String, String> query = OAuthDance.query(location);
        assertThat(query).containsEntry("client_id", IntercomStub.CLIENT_ID)
                .containsEntry("redirect_uri", IntercomStub.APP_BASE_URL + "/install/callback");
        // 256 random bits, base64url: 43 characters.
        assertThat(query.get("state")).hasSize(43);
        assertThat(OAuthDance.begin().state()).isNotEqualTo(query.get("state"));
        String setCookie = started.response().header("Set-Cookie");
        assertThat(setCookie).contains("care_panel_install=").contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/install");
    }

    @Test
    void installsTheWorkspaceAndItsPanelShowsClientData() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        String canvasBefore = Signed.canvas(canvasFor(workspace)).post("/canvas/initialize").then().statusCode(200)
                .extract().asString();
        assertThat(CanvasView.initializeResponse(canvasBefore).allText()).anyMatch(text -> text.contains("not set up for this workspace"));
        platform.verify(0, PlatformFixtures.lookupsOf("sami@example.com"));
        // A code may end in '=': it is sent as Intercom gave it.
        OAuthDance.exchanges(intercom, "code-1=", "token-of-" + workspace);
        OAuthDance.owns(intercom, "token-of-" + workspace, workspace, "EU", true);

        Response callback = OAuthDance.install("code-1=");

        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.header("Location")).isEqualTo(APPSTORE + "?install_success=true");
        intercom.verify(1, postRequestedFor(urlEqualTo(IntercomStub.TOKEN_PATH))
                .withFormParam("code", equalTo("code-1="))
                .withFormParam("client_id", equalTo(IntercomStub.CLIENT_ID))
                .withFormParam("client_secret", equalTo(Signed.SECRET)));
        assertThat(workspaces.resolve(workspace).token()).contains("token-of-" + workspace);
        assertThat(workspaces.resolve(workspace).region()).isEqualTo(Region.EU);
        WorkspaceRecord record = QuarkusTransaction.requiringNew().call(() -> WorkspaceRecord.findById(workspace));
        assertThat(record.installedBy).isEqualTo("admin-7");
        assertThat(record.installedAt).isNotNull();
        assertThat(record.tokenSealed).doesNotContain("token-of-");
        String canvasAfter = Signed.canvas(canvasFor(workspace)).post("/canvas/initialize").then().statusCode(200)
                .extract().asString();
        assertThat(CanvasView.initializeResponse(canvasAfter).allText()).anyMatch(text -> text.contains("Sami Ruhsuf"));
    }

    @Test
    void installingAgainReplacesTheToken() {
        OAuthDance.exchanges(intercom, "code-a", "token-a");
        OAuthDance.owns(intercom, "token-a", workspace, "US", true);
        OAuthDance.exchanges(intercom, "code-b", "token-b");
        OAuthDance.owns(intercom, "token-b", workspace, "US", true);

        assertThat(OAuthDance.install("code-a").header("Location")).endsWith("install_success=true");
        assertThat(OAuthDance.install("code-b").header("Location")).endsWith("install_success=true");

        assertThat(workspaces.resolve(workspace).token()).contains("token-b");
    }

    @Test
    void refusesACallbackWithoutState() {
        assertRefusedPage(OAuthDance.callback("code-1", null, OAuthDance.begin().cookie()), "no installation state");
    }

    @Test
    void refusesAStateThisAppNeverHandedOut() {
        OAuthDance.Started started = OAuthDance.begin();
        assertRefusedPage(OAuthDance.callback("code-1", started.state() + "x", started.cookie()), "not valid");
    }

    @Test
    void refusesAStateUsedOnce() {
        OAuthDance.exchanges(intercom, "code-1", "token-1");
        OAuthDance.owns(intercom, "token-1", workspace, "US", true);
        OAuthDance.Started started = OAuthDance.begin();
        assertThat(OAuthDance.callback("code-1", started.state(), started.cookie()).header("Location"))
                .endsWith("install_success=true");

        assertRefusedPage(OAuthDance.callback("code-1", started.state(), started.cookie()), "already been used", 1);
    }

    @Test
    void refusesACallbackFromABrowserWithoutTheCookie() {
        OAuthDance.Started started = OAuthDance.begin();
        assertRefusedPage(OAuthDance.callback("code-1", started.state(), null), "another browser");
        OAuthDance.Started other = OAuthDance.begin();
        assertRefusedPage(OAuthDance.callback("code-1", other.state(), started.cookie()), "another browser");
    }

    @Test
    void refusesAStateOlderThanTenMinutes() {
        OAuthDance.Started started = OAuthDance.begin();
        QuarkusTransaction.requiringNew().run(() -> InstallState.update("expiresAt = ?1", Instant.now().minusSeconds(1)));

        assertRefusedPage(OAuthDance.callback("code-1", started.state(), started.cookie()), "expired");
    }

    @Test
    void refusesAnAdminWhoseEmailIsNotVerifiedAndGivesTheTokenBack() {
        OAuthDance.exchanges(intercom, "code-1", "token-unverified");
        OAuthDance.owns(intercom, "token-unverified", workspace, "US", false);

        Response callback = OAuthDance.install("code-1");

        assertRefusedAtIntercom(callback, "email address is not verified");
        intercom.verify(1, postRequestedFor(urlEqualTo("/auth/uninstall"))
                .withHeader("Authorization", equalTo("Bearer token-unverified")));
    }

    @Test
    void saysSoWhenTheAdminCancelledInIntercom() {
        OAuthDance.Started started = OAuthDance.begin();
        Response callback = given().redirects().follow(false).queryParam("error", "access_denied")
                .queryParam("state", started.state()).cookie("care_panel_install", started.cookie())
                .get("/install/callback");

        assertRefusedAtIntercom(callback, "cancelled");
        intercom.verify(0, postRequestedFor(urlEqualTo(IntercomStub.TOKEN_PATH)));
    }

    @Test
    void saysSoWhenIntercomRefusesTheCode() {
        intercom.stubFor(post(IntercomStub.TOKEN_PATH).willReturn(unauthorized()));

        assertRefusedAtIntercom(OAuthDance.install("code-expired"), "did not accept the authorization code");
    }

    @Test
    void saysSoWhenIntercomCannotSayWhoseTokenItIs() {
        OAuthDance.exchanges(intercom, "code-1", "token-1");
        intercom.stubFor(get("/me").willReturn(serverError()));

        assertRefusedAtIntercom(OAuthDance.install("code-1"), "could not say which workspace");
    }

    private void assertRefusedPage(Response page, String reason) {
        assertRefusedPage(page, reason, 0);
    }

    /** A plain page, and no code exchanged beyond {@code exchanges} earlier ones. */
    private void assertRefusedPage(Response page, String reason, int exchanges) {
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains(reason).contains("Nothing was stored");
        intercom.verify(exchanges, postRequestedFor(urlEqualTo(IntercomStub.TOKEN_PATH)));
        if (exchanges == 0) {
            assertThat(workspaces.isServed(workspace)).isFalse();
        }
    }

    private void assertRefusedAtIntercom(Response callback, String reason) {
        assertThat(callback.statusCode()).isEqualTo(303);
        String location = callback.header("Location");
        assertThat(location).startsWith(APPSTORE + "?");
        assertThat(OAuthDance.query(location)).containsEntry("install_success", "false");
        assertThat(OAuthDance.query(location).get("error_message")).contains(reason);
        assertThat(workspaces.isServed(workspace)).isFalse();
    }

    private static String canvasFor(String workspaceId) {
        return CanvasPayloads.initialize("c-1", "sami@example.com")
                .replace("\"workspace_id\":\"" + CanvasPayloads.WORKSPACE + "\"", "\"workspace_id\":\"" + workspaceId + "\"");
    }
}
