package app.carepanel.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /}: the app's only page for a person is its console, so the bare address leads there. */
@Path("/")
public class HomeResource {

    @GET
    public Response home() {
        return ConsoleAccess.seeOther("/admin");
    }
}
