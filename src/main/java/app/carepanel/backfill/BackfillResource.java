package app.carepanel.backfill;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import app.carepanel.sync.SyncConfig;
import app.carepanel.web.BadRequest;
import app.carepanel.web.BearerToken;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;

/**
 * The backfill for operators and workflows, behind {@code Authorization: Bearer <SYNC_API_TOKEN>}: start one (a
 * dry run, or the real run that queues every contact's sync), follow its progress, cancel it.
 */
@Path("/sync/backfill")
@Produces(MediaType.APPLICATION_JSON)
public class BackfillResource {

    private final Backfills backfills;
    private final Workspaces workspaces;
    private final SyncConfig config;
    private final Clock clock;

    BackfillResource(Backfills backfills, Workspaces workspaces, SyncConfig config, Clock clock) {
        this.backfills = backfills;
        this.workspaces = workspaces;
        this.config = config;
        this.clock = clock;
    }

    /** A refusal that names the backfill it is about. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refusal(String error, @JsonProperty("backfill_id") Long backfillId) {
    }

    /**
     * Starts a backfill of {@code workspace_id}: 202 with its progress and {@code Location}. 409 with the running
     * one's id when one runs in the workspace already; 400 without a served workspace or a {@code dry_run} of
     * {@code true} or {@code false}.
     */
    @POST
    public Response start(@QueryParam("workspace_id") String workspaceIdParam, @QueryParam("dry_run") String dryRunParam,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        String workspaceId = IntercomIds.require(workspaceIdParam, "workspace_id");
        boolean dryRun = dryRun(dryRunParam);
        Workspace workspace = workspaces.resolve(workspaceId);
        if (workspace.token().isEmpty()) {
            throw new BadRequest("workspace " + workspaceId + " cannot be backfilled: " + workspace.whyNoToken());
        }
        try {
            Backfill started = backfills.start(workspaceId, dryRun, Backfills.BY_API);
            return Response.accepted(BackfillProgress.of(started, clock.instant()))
                    .location(URI.create("/sync/backfill/" + started.id)).build();
        } catch (BackfillAlreadyRunning e) {
            return Response.status(Response.Status.CONFLICT).entity(new Refusal(e.getMessage()
                    + "; follow it at /sync/backfill/" + e.running().id + " or cancel it first", e.running().id)).build();
        }
    }

    /** The workspace's latest backfill, running or ended; 404 when it never had one. */
    @GET
    public Response latest(@QueryParam("workspace_id") String workspaceIdParam,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        String workspaceId = IntercomIds.require(workspaceIdParam, "workspace_id");
        return backfills.latest(workspaceId).map(this::progress)
                .orElseGet(() -> notFound("workspace " + workspaceId + " has had no backfill"));
    }

    @GET
    @Path("/{id}")
    public Response progress(@PathParam("id") String idParam, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        long id = id(idParam);
        return backfills.find(id).map(this::progress).orElseGet(() -> notFound("no backfill " + id));
    }

    /** Cancels a running backfill: 200 with its progress; 409 when it had already ended. */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String idParam, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        long id = id(idParam);
        Optional<Backfills.Cancellation> cancellation = backfills.cancel(id, "the API");
        if (cancellation.isEmpty()) {
            return notFound("no backfill " + id);
        }
        Backfill backfill = cancellation.get().backfill();
        if (!cancellation.get().cancelledNow()) {
            return Response.status(Response.Status.CONFLICT).entity(new Refusal("backfill " + id + " has already ended ("
                    + backfill.state.name().toLowerCase(Locale.ROOT) + ")", id)).build();
        }
        return progress(backfill);
    }

    private Response progress(Backfill backfill) {
        return Response.ok(BackfillProgress.of(backfill, clock.instant())).build();
    }

    private static Response notFound(String reason) {
        return Response.status(Response.Status.NOT_FOUND).entity(new Refusal(reason, null)).build();
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest("dry_run is required: true counts what would be written, false writes every contact");
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequest("dry_run must be true or false");
        };
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw new BadRequest("a backfill id is a positive number");
    }
}
