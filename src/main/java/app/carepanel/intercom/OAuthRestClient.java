package app.carepanel.intercom;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Intercom's OAuth token endpoint; its base URI is the whole of {@code INTERCOM_TOKEN_URL}. */
@Produces(MediaType.APPLICATION_JSON)
interface OAuthRestClient extends Closeable {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response exchange(Form form);
}
