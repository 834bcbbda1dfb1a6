package app.carepanel.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The care platform's REST API ({@code platform-api.yaml}); wrapped by {@link PlatformClient}. */
@RegisterRestClient(configKey = "platform")
@RegisterProvider(PlatformAuthorization.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
interface PlatformRestClient {

    @GET
    @Path("/clients")
    ClientsPage findClientsByEmail(@QueryParam("email") String email);

    @GET
    @Path("/clients/{id}")
    Client getClient(@PathParam("id") long id);

    @GET
    @Path("/clients/search")
    ClientSearchPage searchClients(@QueryParam("q") String query, @QueryParam("limit") Integer limit);

    @GET
    @Path("/client-changes")
    ClientChangesPage listClientChanges(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);
}
