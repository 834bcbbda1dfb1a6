package app.carepanel.sync;

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

import app.carepanel.intercom.AccessTokenOwner;
import app.carepanel.intercom.IntercomException;
import app.carepanel.web.BadRequest;
import app.carepanel.web.BearerToken;
import app.carepanel.web.DependencyUnavailable;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.Workspaces;

/**
 * For Intercom workflows (a data connector or custom action): "refresh this contact from the platform", and
 * the sync's status. Both need {@code Authorization: Bearer <SYNC_API_TOKEN>}.
 */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncQueue queue;
    private final SyncWaits waits;
    private final SyncStatus status;
    private final AccessTokenOwner tokenOwner;
    private final Workspaces workspaces;
    private final SyncConfig config;
    private final Clock clock;

    SyncResource(SyncQueue queue, SyncWaits waits, SyncStatus status, AccessTokenOwner tokenOwner,
            Workspaces workspaces, SyncConfig config, Clock clock) {
        this.queue = queue;
        this.waits = waits;
        this.status = status;
        this.tokenOwner = tokenOwner;
        this.workspaces = workspaces;
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
            @QueryParam("workspace_id") String workspaceIdParam, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        String contactId = IntercomIds.require(contactIdParam, "the contact id");
        String workspaceId = workspaceId(workspaceIdParam);
        Instant asked = clock.instant();
        SyncRequest request = SyncRequest.of(workspaceId, contactId, SyncTrigger.API);
        if (!wait) {
            queue.enqueue(request);
            return Response.accepted(Map.of("status", "queued", "contact_id", contactId)).build();
        }
        return waits.whileAwaited(workspaceId, contactId, () -> {
            queue.enqueue(request);
            Optional<String> noToken = Optional.ofNullable(workspaces.resolve(workspaceId).whyNoToken());
            if (noToken.isPresent()) {
                // Nothing will run until the workspace has a token: say why now rather than after the whole wait.
                return Response.accepted(Map.of("status", "queued", "contact_id", contactId,
                        "detail", "waiting: " + noToken.get())).build();
            }
            return waits.await(workspaceId, contactId, asked).map(SyncResource::ended)
                    .orElseGet(() -> Response.accepted(Map.of("status", "queued", "contact_id", contactId,
                            "detail", "still under way after " + config.waitTimeout().toSeconds() + " s")).build());
        });
    }

    @GET
    @Path("/status")
    public SyncStatus.Report status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BearerToken.require(authorization, config.apiToken(), "SYNC_API_TOKEN");
        return status.report();
    }

    private static Response ended(SyncWaits.Ended ended) {
        SyncJob job = ended.job();
        if (job.status == SyncJob.Status.FAILED) {
            return Response.ok(Map.of("status", "failed", "contact_id", job.contactId,
                    "reason", String.valueOf(job.lastError))).build();
        }
        String outcome = job.lastOutcome == null ? "done" : job.lastOutcome.name().toLowerCase(Locale.ROOT);
        Optional<ContactSync.Result> result = ended.result();
        if (result.isEmpty()) {
            // Another instance wrote it: its values are not known here.
            return Response.ok(Map.of("status", outcome, "contact_id", job.contactId)).build();
        }
        return Response.ok(Map.of("status", outcome, "contact_id", job.contactId, "attributes", result.get().written())).build();
    }

    private String workspaceId(String given) {
        if (given != null && !given.isBlank()) {
            return IntercomIds.require(given, "workspace_id");
        }
        try {
            return tokenOwner.owner().workspaceId();
        } catch (IntercomException.TokenRefused | IntercomException.Rejected e) {
            throw new BadRequest("workspace_id is required: the access token's workspace is not known ("
                    + e.getMessage() + ")");
        } catch (IntercomException e) {
            throw new DependencyUnavailable("Intercom could not say which workspace the access token belongs to ("
                    + e.getMessage() + "); try again, or give workspace_id");
        }
    }
}
