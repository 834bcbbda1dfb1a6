package app.carepanel.intercom.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.IntercomConfig;
import app.carepanel.web.ErrorBody;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: what the stand-in Intercom holds ({@code GET /demo-intercom/dev/contacts}, read-only), and a
 * client's message as Intercom would announce it ({@code POST /demo-intercom/dev/messages}: a signed webhook
 * posted to this app's own {@code /webhooks/intercom}), for a newcomer and for the console's preview.
 */
@IfBuildProfile("dev")
@Path("/demo-intercom/dev")
@Produces(MediaType.APPLICATION_JSON)
public class DemoIntercomDevResource {

    private final DemoIntercom intercom;
    private final IntercomConfig config;
    private final ObjectMapper json;
    private final DemoWebhooks webhooks;
    private final URI webhookUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DemoIntercomDevResource(DemoIntercom intercom, IntercomConfig config, ObjectMapper json,
            @ConfigProperty(name = "sync.tag", defaultValue = "platform-sync") String syncTag,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.intercom = intercom;
        this.config = config;
        this.json = json;
        this.webhooks = new DemoWebhooks(json, DemoIntercom.WORKSPACE_ID, syncTag, DemoIntercom.ADMIN_ID);
        this.webhookUrl = URI.create("http://localhost:" + port + "/webhooks/intercom");
    }

    /** Every contact (or those with {@code email}) with the custom attributes written to it, and the attributes' types. */
    @GET
    @Path("/contacts")
    public Map<String, Object> contacts(@QueryParam("email") String email) {
        List<DemoContact> shown = email == null || email.isBlank() ? intercom.contacts()
                : intercom.contactStore().withEmail(email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workspace_id", DemoIntercom.WORKSPACE_ID);
        body.put("contacts", shown.stream().map(DemoContact::toDevJson).toList());
        body.put("attributes", intercom.attributeStore().customTypes());
        return body;
    }

    @GET
    @Path("/contacts/{id}")
    public Response contact(@PathParam("id") String id) {
        return intercom.contact(id).map(c -> Response.ok(c.toDevJson()).build())
                .orElseGet(() -> refuse(404, unknown("id " + id)));
    }

    /**
     * Fires the webhook Intercom sends when the contact (by {@code contact_id} or {@code email}) writes a message
     * ({@code topic}, default {@code conversation.user.replied}), signed with the configured client secret, and
     * answers what the app's webhook endpoint said.
     */
    @POST
    @Path("/messages")
    public Response message(@QueryParam("contact_id") String contactId, @QueryParam("email") String email,
            @QueryParam("topic") String topic) {
        String chosen = topic == null || topic.isBlank() ? DemoWebhooks.MESSAGE_REPLIED : topic.strip();
        if (!DemoWebhooks.TOPICS.contains(chosen)) {
            return refuse(400, "topic must be one of " + String.join(", ", DemoWebhooks.TOPICS));
        }
        Optional<DemoContact> contact;
        if (contactId != null && !contactId.isBlank()) {
            contact = intercom.contact(contactId.strip());
            if (contact.isEmpty()) {
                return refuse(404, unknown("id " + contactId.strip()));
            }
        } else if (email != null && !email.isBlank()) {
            contact = intercom.contactIdOf(email).flatMap(intercom::contact);
            if (contact.isEmpty()) {
                return refuse(404, unknown("that email"));
            }
        } else {
            return refuse(400, "contact_id or email is required");
        }
        Optional<String> secret = config.clientSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return refuse(409, "no client secret is configured (intercom.client-secret), so no webhook can be signed");
        }
        DemoWebhooks.Signed signed = webhooks.signed(chosen, contact.get(), DemoWebhooks.secretBytes(secret.get()),
                intercom.clock().instant());
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(webhookUrl).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature", signed.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return refuse(502, "the app's webhook endpoint did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse(503, "interrupted while posting the webhook");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contact_id", contact.get().id());
        body.put("topic", chosen);
        body.put("notification_id", signed.notificationId());
        body.put("webhook_status", answer.statusCode());
        body.put("webhook_answer", answerOf(answer.body()));
        return Response.ok(body).build();
    }

    private Object answerOf(String body) {
        try {
            JsonNode read = json.readTree(body);
            return read == null ? body : read;
        } catch (IOException notJson) {
            return body;
        }
    }

    private static String unknown(String what) {
        return "the stand-in Intercom has no contact with " + what + " (GET /demo-intercom/dev/contacts lists them)";
    }

    private static Response refuse(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason)).build();
    }
}
