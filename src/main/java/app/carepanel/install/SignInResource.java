package app.carepanel.install;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /admin/sign-in}: the console's sign-in with Intercom, through the same OAuth authorization and callback
 * ({@code /install/callback}) as installing, with a state marked as a sign-in.
 */
@Path("/admin/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final InstallResource oauth;

    SignInResource(InstallResource oauth) {
        this.oauth = oauth;
    }

    @GET
    public Response begin() {
        return oauth.start(InstallState.Purpose.SIGN_IN);
    }
}
