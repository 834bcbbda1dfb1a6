package app.carepanel.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.restassured.response.Response;

/** The admin's side of an installation (a browser that does not follow redirects), and Intercom's side as stubs. */
public final class OAuthDance {

    private OAuthDance() {
    }

    /** What {@code GET /install} handed the browser: the state Intercom will send back, and the cookie. */
    public record Started(Response response, String state, String cookie) {
    }

    public static Started begin() {
        Response response = given().redirects().follow(false).get("/install");
        Map<String, String> query = query(response.header("Location"));
        return new Started(response, query.get("state"), response.getCookie("care_panel_install"));
    }

    /** Intercom sending the admin back with a code, from a browser holding {@code cookie} (null: none). */
    public static Response callback(String code, String state, String cookie) {
        var request = given().redirects().follow(false);
        if (code != null) {
            request.queryParam("code", code);
        }
        if (state != null) {
            request.queryParam("state", state);
        }
        if (cookie != null) {
            request.cookie("care_panel_install", cookie);
        }
        return request.get("/install/callback");
    }

    /** {@code GET /admin/sign-in}: the console's sign-in, through the same authorization as installing. */
    public static Started beginSignIn() {
        Response response = given().redirects().follow(false).get("/admin/sign-in");
        Map<String, String> query = query(response.header("Location"));
        return new Started(response, query.get("state"), response.getCookie("care_panel_install"));
    }

    /** A whole sign-in for a code, in one browser: the callback's answer (a session cookie when it worked). */
    public static Response signIn(String code) {
        Started started = beginSignIn();
        return callback(code, started.state(), started.cookie());
    }

    /**
     * An admin of the workspace signs in to the console in a real browser: {@code /admin} sends them to Intercom's
     * authorization page (a stub page here), Intercom sends the browser back to the callback with a code, and the
     * console opens. Stubs Intercom's side for the workspace first.
     */
    public static void signInWith(Browser browser, URL app, WireMockServer intercom, String workspaceId) {
        String code = "code-browser-" + workspaceId;
        String token = "token-browser-" + workspaceId;
        exchanges(intercom, code, token);
        owns(intercom, token, workspaceId, "us", true);
        intercom.stubFor(get(urlPathEqualTo(IntercomStub.AUTHORIZE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>Authorize Care Panel?</h1></body></html>")));
        browser.driver().get(app + "admin");
        String authorize = browser.driver().getCurrentUrl();
        assertThat(authorize).contains(IntercomStub.AUTHORIZE_PATH);
        assertThat(browser.text("h1")).isEqualTo("Authorize Care Panel?");
        // Intercom sends the browser back to the registered redirect URL; here, the app under test.
        browser.driver().get(app + "install/callback?code=" + code + "&state=" + query(authorize).get("state"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin");
    }

    /** The whole dance for a code, in one browser. */
    public static Response install(String code) {
        Started started = begin();
        return callback(code, started.state(), started.cookie());
    }

    /** Intercom exchanges {@code code} for {@code token}. */
    public static void exchanges(WireMockServer intercom, String code, String token) {
        intercom.stubFor(post(IntercomStub.TOKEN_PATH).withFormParam("code", equalTo(code))
                .willReturn(okJson("{\"token_type\": \"Bearer\", \"token\": \"" + token + "\", \"access_token\": \""
                        + token + "\"}")));
    }

    /** {@code GET /me} with {@code token} names the admin, whether their email is verified, and the workspace. */
    public static void owns(WireMockServer intercom, String token, String workspaceId, String region, boolean verified) {
        intercom.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("""
                        {"type": "admin", "id": "admin-7", "email": "admin@practice.example", "email_verified": %s,
                         "app": {"type": "app", "id_code": "%s", "region": "%s"}}
                        """.formatted(verified, workspaceId, region))));
        intercom.stubFor(post("/auth/uninstall").willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int at = pair.indexOf('=');
            params.put(decode(at < 0 ? pair : pair.substring(0, at)), at < 0 ? "" : decode(pair.substring(at + 1)));
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
