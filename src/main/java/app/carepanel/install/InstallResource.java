package app.carepanel.install;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import app.carepanel.intercom.IntercomConfig;
import io.quarkus.logging.Log;

/**
 * Installation with Intercom's OAuth. {@code GET /install} sends the admin to Intercom with a fresh state and
 * sets the cookie that binds it to this browser; {@code GET /install/callback} checks both, finishes the
 * installation ({@link Installer}) and sends the admin back to Intercom, told how it went; a console sign-in
 * ({@link SignInResource}) comes back through the same callback and ends in the console ({@link SignIn}). A state that does not
 * check out gets a plain page here instead: that callback may not be the admin's own.
 */
@Path("/install")
@Produces(MediaType.TEXT_HTML)
public class InstallResource {

    static final String COOKIE = "care_panel_install";
    static final String CALLBACK_PATH = "/install/callback";

    private final InstallStates states;
    private final Installer installer;
    private final IntercomConfig intercom;
    private final AppConfig app;
    private final SignIn signIn;
    private final AdminSessions sessions;

    InstallResource(InstallStates states, Installer installer, IntercomConfig intercom, AppConfig app, SignIn signIn,
            AdminSessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.states = states;
        this.installer = installer;
        this.intercom = intercom;
        this.app = app;
    }

    @GET
    public Response begin() {
        return start(InstallState.Purpose.INSTALL);
    }

    /**
     * Sends the browser to Intercom's authorization page with a fresh state for {@code purpose}, or answers a
     * page that says which setting is missing.
     */
    Response start(InstallState.Purpose purpose) {
        Optional<String> clientId = intercom.clientId().filter(id -> !id.isBlank());
        Optional<String> base = app.base();
        if (clientId.isEmpty() || base.isEmpty()) {
            String missing = clientId.isEmpty() && base.isEmpty() ? "INTERCOM_CLIENT_ID and APP_BASE_URL"
                    : clientId.isEmpty() ? "INTERCOM_CLIENT_ID" : "APP_BASE_URL";
            Log.warnf("An installation or sign-in was asked for, but %s is not set", missing);
            return page(Response.Status.SERVICE_UNAVAILABLE, purpose, "Care Panel cannot be " + (purpose == InstallState.Purpose.INSTALL
                    ? "installed" : "signed in to") + " yet: the person who runs it has not finished its set-up ("
                    + missing + " is not set).", false);
        }
        InstallStates.Started started = states.begin(purpose);
        String location = withQuery(intercom.oauthUrl().toString(), "client_id=" + encode(clientId.get())
                + "&state=" + encode(started.state()) + "&redirect_uri=" + encode(base.get() + CALLBACK_PATH));
        return Response.seeOther(URI.create(location))
                .cookie(cookie(started.browserKey(), (int) InstallStates.LIFETIME.toSeconds()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @CookieParam(COOKIE) String browserKey) {
        InstallStates.Consumed consumed = states.consume(state, browserKey);
        if (consumed.check() != InstallStates.Check.ACCEPTED) {
            Log.infof("An OAuth callback was refused: %s", consumed.check());
            return page(Response.Status.BAD_REQUEST, consumed.purpose(), consumed.check().reason, true);
        }
        if (consumed.purpose() == InstallState.Purpose.SIGN_IN) {
            return signedIn(code, error);
        }
        // OAuth's way of saying the admin did not authorize (error=access_denied): nothing to exchange.
        Installer.Result result = error != null && (code == null || code.isBlank())
                ? new Installer.Result.Refused("The installation was cancelled in Intercom. Start it again to install.")
                : installer.complete(code);
        String query = result instanceof Installer.Result.Refused refused
                ? "install_success=false&error_message=" + encode(refused.reason())
                : "install_success=true";
        return Response.seeOther(URI.create(withQuery(intercom.appstoreRedirectUrl().toString(), query)))
                .cookie(cookie("", 0))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A sign-in's end: the console with a session cookie, or a plain refusal. */
    private Response signedIn(String code, String error) {
        SignIn.Result result = error != null && (code == null || code.isBlank())
                ? new SignIn.Result.Refused("The sign-in was cancelled in Intercom.")
                : signIn.complete(code);
        if (result instanceof SignIn.Result.Refused refused) {
            return page(Response.Status.FORBIDDEN, InstallState.Purpose.SIGN_IN, refused.reason(), true);
        }
        String session = ((SignIn.Result.SignedIn) result).cookieValue();
        return Response.seeOther(URI.create(AdminSessions.PATH))
                .cookie(cookie("", 0), sessions.cookie(session, AdminSessions.LIFETIME))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A plain page saying why the installation or sign-in stopped; a sign-in's offers to sign in again. */
    private Response page(Response.Status status, InstallState.Purpose purpose, String reason, boolean clearCookie) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(InstallPages.refused(reason, purpose == InstallState.Purpose.SIGN_IN).render())
                .header("Cache-Control", "no-store");
        return clearCookie ? answer.cookie(cookie("", 0)).build() : answer.build();
    }

    /** The browser's key, sent back only to {@code /install}, never to scripts; Lax lets Intercom's redirect carry it. */
    private NewCookie cookie(String value, int maxAgeSeconds) {
        boolean https = app.base().map(url -> url.startsWith("https:")).orElse(true);
        return new NewCookie.Builder(COOKIE).value(value).path("/install").maxAge(maxAgeSeconds).httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
