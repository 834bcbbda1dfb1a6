package app.carepanel.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DefaultValue;
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

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.web.BadRequest;
import app.carepanel.web.DependencyUnavailable;
import app.carepanel.web.IntercomIds;
import app.carepanel.web.Unauthorized;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * For Intercom workflows (a data connector or custom action): "refresh this contact from the platform", and
 * the sync's status. Both need {@code Authorization: Bearer <SYNC_API_TOKEN>}.
 */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncQueue queue;
    private final SyncResults results;
    private final SyncStatus status;
    private final Workspaces workspaces;
    private final IntercomClient intercom;
    private final SyncConfig config;
    private final Clock clock;

    SyncResource(SyncQueue queue, SyncResults results, SyncStatus status, Workspaces workspaces,
            IntercomClient intercom, SyncConfig config, Clock clock) {
        this.queue = queue;
        this.results = results;
        this.status = status;
        this.workspaces = workspaces;
        this.intercom = intercom;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Queues a sync of the contact: 202. With {@code wait=true}, waits (up to {@code SYNC_WAIT_TIMEOUT}) for it
     * and answers 200 with what was written, or 202 if it is still under way. {@code workspace_id} defaults to
     * the workspace of INTERCOM_ACCESS_TOKEN.
     */
    @POST
    @Path("/contacts/{contactId}")
    public Response syncContact(@PathParam("contactId") String contactIdParam, @QueryParam("wait") @DefaultValue("false") boolean wait,
            @QueryParam("workspace_id") String workspaceId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        String contactId = IntercomIds.require(contactIdParam, "the contact id");
        Workspace workspace = workspace(workspaceId);
        Instant asked = clock.instant();
        queue.enqueue(workspace, contactId, SyncTrigger.API, Optional.empty());
        if (!wait) {
            return Response.accepted(Map.of("status", "queued", "contact_id", contactId)).build();
        }
        Instant deadline = asked.plus(config.waitTimeout());
        while (clock.instant().isBefore(deadline)) {
            Optional<SyncJob> job = QuarkusTransaction.requiringNew().call(() -> SyncJob.find(workspace.id(), contactId));
            if (job.isPresent() && job.get().finishedAt != null && !job.get().finishedAt.isBefore(asked)
                    && (job.get().status == SyncJob.Status.DONE || job.get().status == SyncJob.Status.FAILED)) {
                return finished(job.get(), workspace, asked);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Response.accepted(Map.of("status", "queued", "contact_id", contactId,
                "detail", "still under way after " + config.waitTimeout().toSeconds() + " s")).build();
    }

    @GET
    @Path("/status")
    public SyncStatus.Report status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return status.report();
    }

    private Response finished(SyncJob job, Workspace workspace, Instant asked) {
        if (job.status == SyncJob.Status.FAILED) {
            return Response.ok(Map.of("status", "failed", "contact_id", job.contactId,
                    "reason", String.valueOf(job.lastError))).build();
        }
        String outcome = job.lastOutcome == null ? "done" : job.lastOutcome.name().toLowerCase(Locale.ROOT);
        Optional<ContactSync.Result> result = results.since(workspace.id(), job.contactId, asked);
        if (result.isEmpty()) {
            // Another instance wrote it: its values are not known here.
            return Response.ok(Map.of("status", outcome, "contact_id", job.contactId)).build();
        }
        return Response.ok(Map.of("status", outcome, "contact_id", job.contactId, "attributes", result.get().written())).build();
    }

    private Workspace workspace(String workspaceId) {
        if (workspaceId != null && !workspaceId.isBlank()) {
            return workspaces.byId(IntercomIds.require(workspaceId, "workspace_id"));
        }
        try {
            Workspace workspace = intercom.workspaceOfToken();
            workspaces.remember(workspace);
            return workspace;
        } catch (IntercomException.TokenRefused | IntercomException.Rejected e) {
            throw new BadRequest("workspace_id is required: the access token's workspace is not known ("
                    + e.getMessage() + ")");
        } catch (IntercomException e) {
            throw new DependencyUnavailable("Intercom could not say which workspace the access token belongs to ("
                    + e.getMessage() + "); try again, or give workspace_id");
        }
    }

    private void authorize(String authorization) {
        String expected = config.apiToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> new Unauthorized("SYNC_API_TOKEN is not configured, so this endpoint is closed"));
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("missing bearer token");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthorized("wrong bearer token");
        }
    }
}
