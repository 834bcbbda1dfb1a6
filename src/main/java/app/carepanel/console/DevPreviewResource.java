package app.carepanel.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.install.DevWorkspace;
import app.carepanel.intercom.demo.DemoIntercom;
import app.carepanel.platform.demo.DemoClients;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: {@code /dev/preview}, the preview without signing in, for the dev workspace, with the demo
 * platform's sample clients one click each, their contacts in the stand-in Intercom, and a button that sends a
 * client's message as an Intercom webhook. Not part of a packaged app.
 */
@Path("/dev/preview")
@Produces(MediaType.TEXT_HTML)
@IfBuildProfile("dev")
public class DevPreviewResource {

    private static final String ADMIN = "dev-admin";
    private static final ConsoleView.Header HEADER = new ConsoleView.Header(DevWorkspace.ID, ADMIN, "", true);

    private final Previews previews;
    private final DemoIntercom intercom;

    DevPreviewResource(Previews previews, DemoIntercom intercom) {
        this.previews = previews;
        this.intercom = intercom;
    }

    /** A sample client's contact in the stand-in Intercom is filled in, so that the view syncs it and shows it. */
    @GET
    public Response view(@QueryParam("email") String email, @QueryParam("contact_id") String contactId) {
        String contact = (contactId == null || contactId.isBlank()) && email != null
                ? intercom.contactIdOf(email.strip()).orElse(contactId) : contactId;
        return page(previews.of(DevWorkspace.ID, ADMIN, email, contact, null, null, samples(), "/dev/preview"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("email") String email, @FormParam("contact_id") String contactId,
            @FormParam("component_id") String componentId, @FormParam("stored_data") String storedData,
            @FormParam("input_id") String inputId, @FormParam("input_value") String inputValue) {
        return page(previews.of(DevWorkspace.ID, ADMIN, email, contactId, componentId, storedData,
                Previews.input(inputId, inputValue), samples(),
                "/dev/preview"));
    }

    private static java.util.List<String> samples() {
        java.util.List<String> samples = new java.util.ArrayList<>(DemoClients.emails());
        samples.add("nobody@example.com");
        return samples;
    }

    private static Response page(ConsoleView.Preview view) {
        return ConsoleAccess.ok(ConsolePages.preview(HEADER, view).render());
    }
}
