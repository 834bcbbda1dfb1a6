package app.carepanel.console;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.install.AdminSessions;

/**
 * {@code /admin/preview}: the panel as the Inbox draws it, for an email of the signed-in admin's workspace.
 * {@code GET} is the first view; a button on the drawn canvas posts back here, through the submit path.
 */
@Path("/admin/preview")
@Produces(MediaType.TEXT_HTML)
public class PreviewResource {

    static final String ACTION = "/admin/preview";

    private final ConsoleAccess access;
    private final Previews previews;

    PreviewResource(ConsoleAccess access, Previews previews) {
        this.access = access;
        this.previews = previews;
    }

    @GET
    public Response view(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("email") String email,
            @QueryParam("contact_id") String contactId) {
        return access.signedIn(cookie, session -> page(session,
                previews.of(session.workspaceId(), session.adminId(), email, contactId, null, null, List.of(), ACTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@CookieParam(AdminSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @FormParam("email") String email, @FormParam("contact_id") String contactId,
            @FormParam("component_id") String componentId, @FormParam("stored_data") String storedData,
            @FormParam("input_id") String inputId, @FormParam("input_value") String inputValue) {
        return access.signedInForm(cookie, csrf, session -> page(session, previews.of(session.workspaceId(),
                session.adminId(), email, contactId, componentId, storedData, Previews.input(inputId, inputValue),
                List.of(), ACTION)));
    }

    private Response page(AdminSessions.Session session, ConsoleView.Preview view) {
        return ConsoleAccess.ok(ConsolePages.preview(access.header(session), view).render());
    }
}
