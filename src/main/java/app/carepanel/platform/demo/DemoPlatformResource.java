package app.carepanel.platform.demo;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.carepanel.platform.Client;
import app.carepanel.platform.ClientChangesPage;
import app.carepanel.platform.ClientSearchPage;
import app.carepanel.platform.ClientSummary;
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
    @Path("/clients/{id}")
    public Client client(@PathParam("id") long id) {
        return DemoClients.all(Instant.now()).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** As the API describes it, roughly: the id exactly, every word a prefix of a name, an email prefix, phone digits. */
    @GET
    @Path("/clients/search")
    public ClientSearchPage search(@QueryParam("q") String query, @QueryParam("limit") Integer limit) {
        String q = plain(query == null ? "" : query.trim());
        String digits = q.replaceAll("[^0-9]", "");
        return new ClientSearchPage(DemoClients.all(Instant.now()).stream()
                .filter(c -> String.valueOf(c.id()).equals(q)
                        || (!q.isEmpty() && Arrays.stream(q.split("\\s+")).allMatch(word -> namePrefix(c, word)))
                        || (!q.isEmpty() && c.email().toLowerCase(Locale.ROOT).startsWith(q))
                        || (digits.length() >= 4 && c.phone() != null && c.phone().replaceAll("[^0-9]", "").contains(digits)))
                .limit(limit == null ? 10 : limit)
                .map(c -> new ClientSummary(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(), c.status(),
                        c.organization()))
                .toList());
    }

    @GET
    @Path("/client-changes")
    public ClientChangesPage changes(@QueryParam("since") String since) {
        return new ClientChangesPage(DemoClients.all(Instant.now()).stream()
                .map(c -> new ClientChangesPage.Change(c.email(), c.id(), startedAt))
                .filter(change -> since == null || Instant.parse(since).isBefore(change.changedAt()))
                .toList(), null);
    }

    private static boolean namePrefix(Client client, String word) {
        return Arrays.stream(plain(client.firstName() + " " + client.lastName()).split("\\s+"))
                .anyMatch(part -> part.startsWith(word));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
