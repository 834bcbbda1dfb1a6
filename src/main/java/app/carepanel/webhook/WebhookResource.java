package app.carepanel.webhook;

import java.io.IOException;

import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.WebhookNotification;
import app.carepanel.signing.IntercomSigning;
import app.carepanel.web.BadRequest;
import app.carepanel.web.IntercomIds;

/**
 * Intercom's webhook endpoint. The signature is checked over the raw body first; a notification is stored as
 * queued work before it is acknowledged, and nothing slow happens before the answer.
 */
@Path("/webhooks/intercom")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final IntercomSigning signing;
    private final WebhookIntake intake;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    WebhookResource(IntercomSigning signing, WebhookIntake intake, ObjectMapper json, MeterRegistry metrics) {
        this.signing = signing;
        this.intake = intake;
        this.json = json;
        this.metrics = metrics;
    }

    /** Intercom validates the URL with a HEAD request. */
    @HEAD
    public Response validate() {
        return Response.ok().build();
    }

    @POST
    public WebhookIntake.Outcome receive(byte[] body, @HeaderParam("X-Hub-Signature") String signature) {
        signing.verifyHubSignature(body, signature);
        WebhookNotification notification;
        try {
            notification = json.readValue(body, WebhookNotification.class);
        } catch (IOException e) {
            throw new BadRequest("the body is not a webhook notification in JSON");
        }
        if (notification == null) {
            throw new BadRequest("the body is empty");
        }
        IntercomIds.require(notification.appId(), "app_id");
        if (notification.id() != null) {
            IntercomIds.require(notification.id(), "the notification id", IntercomIds.MAX_NOTIFICATION_LENGTH);
        }
        WebhookIntake.Outcome outcome = intake.accept(notification);
        // Acknowledged notifications by what became of them (queued, duplicate, ignored); refusals show as 4xx.
        metrics.counter("care_panel.webhooks.acknowledged", "result", outcome.status()).increment();
        return outcome;
    }
}
