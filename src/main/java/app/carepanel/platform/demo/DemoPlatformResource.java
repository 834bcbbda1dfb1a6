package app.carepanel.platform.demo;

import java.time.Instant;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.carepanel.platform.ClientChangesPage;
import app.carepanel.platform.ClientsPage;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * A stand-in for the care platform's API with a handful of made-up clients, so that {@code quarkus:dev} shows
 * real canvases with no setup. Built into dev mode only: a packaged app has no such endpoint.
 */
@IfBuildProfile("dev")
@Path("/demo-platform/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DemoPlatformResource {

    private final Instant startedAt = Instant.now();

    @GET
    @Path("/clients")
    public ClientsPage clients(@QueryParam("email") String email) {
        String wanted = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return new ClientsPage(DemoClients.all(Instant.now()).stream()
                .filter(c -> c.email().equalsIgnoreCase(wanted))
                .toList());
    }

    @GET
    @Path("/client-changes")
    public ClientChangesPage changes(@QueryParam("since") String since) {
        return new ClientChangesPage(DemoClients.all(Instant.now()).stream()
                .map(c -> new ClientChangesPage.Change(c.email(), startedAt))
                .filter(change -> since == null || Instant.parse(since).isBefore(change.changedAt()))
                .toList(), null);
    }
}
