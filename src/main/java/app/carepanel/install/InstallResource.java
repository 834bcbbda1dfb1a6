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
 * installation ({@link Installer}) and sends the admin back to Intercom, told how it went. A state that does not
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

    InstallResource(InstallStates states, Installer installer, IntercomConfig intercom, AppConfig app) {
        this.states = states;
        this.installer = installer;
        this.intercom = intercom;
        this.app = app;
    }

    @GET
    public Response begin() {
        Optional<String> clientId = intercom.clientId().filter(id -> !id.isBlank());
        Optional<String> base = app.base();
        if (clientId.isEmpty() || base.isEmpty()) {
            String missing = clientId.isEmpty() && base.isEmpty() ? "INTERCOM_CLIENT_ID and APP_BASE_URL"
                    : clientId.isEmpty() ? "INTERCOM_CLIENT_ID" : "APP_BASE_URL";
            Log.warnf("An installation was asked for, but %s is not set", missing);
            return page(Response.Status.SERVICE_UNAVAILABLE, "Care Panel cannot be installed yet: the person who runs "
                    + "it has not finished its set-up (" + missing + " is not set).", false);
        }
        InstallStates.Started started = states.begin();
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
        InstallStates.Check check = states.consume(state, browserKey);
        if (check != InstallStates.Check.ACCEPTED) {
            Log.infof("An installation callback was refused: %s", check);
            return page(Response.Status.BAD_REQUEST, check.reason, true);
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

    private Response page(Response.Status status, String reason, boolean clearCookie) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(InstallPages.refused(reason).render())
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
