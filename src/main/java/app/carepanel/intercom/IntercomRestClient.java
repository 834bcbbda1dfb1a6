package app.carepanel.intercom;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * Intercom's REST API, version 2.16. One instance per host, built by {@link IntercomClient}, which reads each
 * {@link Response}'s status and rate-limit headers itself (the default exception mapper is off). The token is an
 * argument because it belongs to the workspace, not to the host.
 */
@ClientHeaderParam(name = "Intercom-Version", value = "2.16")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface IntercomRestClient extends Closeable {

    @GET
    @Path("/me")
    Response me(@HeaderParam("Authorization") String authorization);

    @POST
    @Path("/auth/uninstall")
    Response revokeToken(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/contacts/{id}")
    Response getContact(@HeaderParam("Authorization") String authorization, @PathParam("id") String contactId);

    @GET
    @Path("/contacts")
    Response listContacts(@HeaderParam("Authorization") String authorization, @QueryParam("per_page") int perPage,
            @QueryParam("starting_after") String startingAfter);

    @PUT
    @Path("/contacts/{id}")
    Response updateContact(@HeaderParam("Authorization") String authorization, @PathParam("id") String contactId,
            ContactUpdate body);

    @POST
    @Path("/contacts/search")
    Response searchContacts(@HeaderParam("Authorization") String authorization, ContactSearch.Request body);

    @GET
    @Path("/data_attributes")
    Response listDataAttributes(@HeaderParam("Authorization") String authorization, @QueryParam("model") String model);

    @POST
    @Path("/data_attributes")
    Response createDataAttribute(@HeaderParam("Authorization") String authorization, DataAttributes.Creation body);

    @DELETE
    @Path("/conversations/{conversationId}/tags/{tagId}")
    Response removeConversationTag(@HeaderParam("Authorization") String authorization,
            @PathParam("conversationId") String conversationId, @PathParam("tagId") String tagId, TagRemovalRequest body);
}
