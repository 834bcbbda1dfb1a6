package app.carepanel.intercom.demo;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.carepanel.web.ErrorBody;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Dev mode only: Intercom's side of OAuth, so that installing and signing in to the console work on a newcomer's
 * machine. The authorization page asks the dev admin to authorize, and sends the browser back to this app's
 * callback with a code; the code buys the stand-in's token, whose {@code GET /me} names the dev workspace.
 */
@IfBuildProfile("dev")
@Path("/demo-intercom")
public class DemoOAuthResource {

    static final String CODE = "dev-authorization-code";

    private final String callback;

    DemoOAuthResource(@ConfigProperty(name = "app.base-url") String base) {
        this.callback = base.replaceAll("/+$", "") + "/install/callback";
    }

    @CheckedTemplate(basePath = "DemoOAuthPages")
    static class Pages {
        static native TemplateInstance authorize(String authorize, String cancel);
    }

    @GET
    @Path("/oauth")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@QueryParam("state") String state, @QueryParam("redirect_uri") String redirect) {
        // Only this app's own callback: the page never sends a code elsewhere.
        if (state == null || state.isBlank() || !callback.equals(redirect)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("the stand-in Intercom authorizes only this app's own callback, "
                            + callback + ", with a state")).build();
        }
        String authorize = UriBuilder.fromUri(callback).queryParam("code", CODE).queryParam("state", state).build()
                .toString();
        String cancel = UriBuilder.fromUri(callback).queryParam("error", "access_denied").queryParam("state", state)
                .build().toString();
        return Response.ok(Pages.authorize(authorize, cancel).render()).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/auth/eagle/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("code") String code) {
        if (!CODE.equals(code)) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("type", "error.list", "errors",
                    List.of(Map.of("code", "invalid_grant", "message", "Unknown code")))).build();
        }
        return Response.ok(Map.of("token_type", "Bearer", "token", DemoIntercom.TOKEN, "access_token",
                DemoIntercom.TOKEN)).build();
    }
}
