package app.carepanel.canvas;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The Inbox app's initialize and submit URLs. Both verify Intercom's signature before reading anything. */
@Path("/canvas")
@Produces(MediaType.APPLICATION_JSON)
public class CanvasResource {

    static final String SIGNATURE_HEADER = "X-Body-Signature";

    private final CanvasRequestReader reader;
    private final PanelService panel;

    CanvasResource(CanvasRequestReader reader, PanelService panel) {
        this.reader = reader;
        this.panel = panel;
    }

    @POST
    @Path("/initialize")
    public Canvas initialize(byte[] body, @HeaderParam(SIGNATURE_HEADER) String signature) {
        return panel.initialize(reader.read(body, signature));
    }

    @POST
    @Path("/submit")
    public Canvas submit(byte[] body, @HeaderParam(SIGNATURE_HEADER) String signature) {
        return panel.submit(reader.read(body, signature));
    }
}
