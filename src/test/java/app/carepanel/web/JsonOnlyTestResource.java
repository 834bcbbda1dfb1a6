package app.carepanel.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint that declares {@code @Consumes}: the app's own endpoints read {@code byte[]} of any type, so none
 * of them can answer 415. Present in the app of every {@code @QuarkusTest}, never in the packaged app.
 */
@Path("/test-only/json-only")
public class JsonOnlyTestResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String echo(String body) {
        return body;
    }
}
