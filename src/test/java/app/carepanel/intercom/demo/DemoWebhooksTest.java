package app.carepanel.intercom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.IntercomConversation;
import app.carepanel.intercom.WebhookNotification;

/**
 * The webhooks the dev endpoint fires: signed as Intercom signs them, and shaped so that the app's own reading of
 * a notification (the records {@code WebhookIntake} reads) finds the contact, its email and the sync tag.
 */
class DemoWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] SECRET = "dev-client-secret".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();
    private final DemoWebhooks webhooks = new DemoWebhooks(json, "dev-workspace", "platform-sync", "dev-admin");
    private final DemoContact sami = new DemoContact("dev-contact-1", "sami@example.com", Map.of(), NOW, null, 0);

    @Test
    void signsTheExactBodyWithHmacSha1OfTheClientSecret() throws Exception {
        DemoWebhooks.Signed signed = webhooks.signed("conversation.user.replied", sami, SECRET, NOW);

        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA1"));
        assertThat(signed.signature()).isEqualTo("sha1=" + HexFormat.of().formatHex(mac.doFinal(signed.body())));
        // The same check as openssl's, which dev/webhook.sh uses: a known vector.
        assertThat(DemoWebhooks.signature("{}".getBytes(StandardCharsets.UTF_8), SECRET))
                .isEqualTo("sha1=" + HexFormat.of().formatHex(mac.doFinal("{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRepliedMessageNamesTheWorkspaceTheContactAndItsEmailAsTheAppReadsThem() throws Exception {
        DemoWebhooks.Signed signed = webhooks.signed("conversation.user.replied", sami, SECRET, NOW);

        WebhookNotification notification = json.readValue(signed.body(), WebhookNotification.class);
        assertThat(notification.type()).isEqualTo("notification_event");
        assertThat(notification.id()).isEqualTo(signed.notificationId()).startsWith("notif_");
        assertThat(notification.topic()).isEqualTo("conversation.user.replied");
        assertThat(notification.appId()).isEqualTo("dev-workspace");
        assertThat(notification.createdAt()).isEqualTo(NOW.getEpochSecond());
        IntercomConversation conversation = notification.conversation(json);
        assertThat(conversation.id()).isEqualTo("dev-conversation-1");
        assertThat(conversation.contactIds()).containsExactly("dev-contact-1");
        assertThat(conversation.authorEmail("dev-contact-1")).contains("sami@example.com");
        assertThat(conversation.replyToEmails()).isEmpty();
        assertThat(json.readTree(signed.body()).at("/data/item/conversation_parts/conversation_parts/0/author/id").asText())
                .isEqualTo("dev-contact-1");
    }

    @Test
    void eachNotificationHasItsOwnId() {
        assertThat(webhooks.signed("conversation.user.created", sami, SECRET, NOW).notificationId())
                .isNotEqualTo(webhooks.signed("conversation.user.created", sami, SECRET, NOW).notificationId());
    }

    @Test
    void aTagNotificationCarriesTheSyncTagAppliedByTheDevAdmin() throws Exception {
        DemoWebhooks.Signed signed = webhooks.signed("conversation_part.tag.created", sami, SECRET, NOW);

        IntercomConversation conversation = json.readValue(signed.body(), WebhookNotification.class).conversation(json);
        assertThat(conversation.tagsNamed()).extracting(IntercomConversation.Tag::name).contains("platform-sync");
        assertThat(conversation.taggingAdmin()).contains("dev-admin");
        assertThat(conversation.contactIds()).containsExactly("dev-contact-1");
    }

    @Test
    void anEmailChangeCarriesTheContact() throws Exception {
        DemoWebhooks.Signed signed = webhooks.signed("contact.email.updated", sami, SECRET, NOW);

        WebhookNotification notification = json.readValue(signed.body(), WebhookNotification.class);
        assertThat(notification.contact(json).id()).isEqualTo("dev-contact-1");
        assertThat(notification.contact(json).email()).isEqualTo("sami@example.com");
    }

    @Test
    void refusesATopicTheAppDoesNotActOn() {
        assertThatThrownBy(() -> webhooks.signed("contact.deleted", sami, SECRET, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
