package app.carepanel.intercom.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Digests;

/**
 * Webhook notifications as Intercom sends them for a stand-in contact: the envelope ({@code notification_event},
 * {@code app_id}, {@code topic}) around a conversation the contact wrote in, the contact itself, or a conversation
 * tagged with the sync tag; signed {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>} with the client
 * secret.
 */
final class DemoWebhooks {

    static final String MESSAGE_REPLIED = "conversation.user.replied";
    /** The topics the app acts on, the default first. */
    static final List<String> TOPICS = List.of(MESSAGE_REPLIED, "conversation.user.created", "contact.email.updated",
            "conversation_part.tag.created");
    static final String MESSAGE = "<p>Hello, a question about my next appointment.</p>";

    private final ObjectMapper json;
    private final String workspaceId;
    private final String syncTag;
    private final String adminId;

    DemoWebhooks(ObjectMapper json, String workspaceId, String syncTag, String adminId) {
        this.json = json;
        this.workspaceId = workspaceId;
        this.syncTag = syncTag;
        this.adminId = adminId;
    }

    /** A notification ready to post: its id, the exact body bytes and the signature header's value. */
    record Signed(String notificationId, String topic, byte[] body, String signature) {
    }

    /** The notification of {@code topic} (one of {@link #TOPICS}) about the contact, signed with the secret. */
    Signed signed(String topic, DemoContact contact, byte[] secret, Instant now) {
        if (!TOPICS.contains(topic)) {
            throw new IllegalArgumentException("not a topic the app acts on: " + topic);
        }
        String id = "notif_" + UUID.randomUUID();
        Map<String, Object> item = topic.startsWith("contact.") ? contact(contact) : conversation(topic, contact, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "notification_event");
        body.put("app_id", workspaceId);
        body.put("id", id);
        body.put("topic", topic);
        body.put("delivery_status", "pending");
        body.put("delivery_attempts", 1);
        body.put("created_at", now.getEpochSecond());
        body.put("first_sent_at", now.getEpochSecond());
        body.put("data", Map.of("type", "notification_event_data", "item", item));
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
        return new Signed(id, topic, bytes, signature(bytes, secret));
    }

    /** {@code sha1=} and the lowercase hex HMAC-SHA1 of the body under the secret, as Intercom signs webhooks. */
    static String signature(byte[] body, byte[] secret) {
        return "sha1=" + HexFormat.of().formatHex(Digests.hmac("HmacSHA1", secret, body));
    }

    static byte[] secretBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> contact(DemoContact contact) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "contact");
        item.put("id", contact.id());
        item.put("role", "user");
        item.put("email", contact.email());
        return item;
    }

    private Map<String, Object> conversation(String topic, DemoContact contact, Instant now) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("type", "user");
        author.put("id", contact.id());
        author.put("email", contact.email());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "conversation");
        item.put("id", contact.id().replace(DemoContacts.ID_PREFIX, "dev-conversation-"));
        item.put("created_at", now.getEpochSecond());
        item.put("updated_at", now.getEpochSecond());
        item.put("state", "open");
        item.put("source", Map.of("type", "conversation", "delivered_as", "customer_initiated", "body", MESSAGE,
                "author", author));
        item.put("contacts", Map.of("type", "contact.list",
                "contacts", List.of(Map.of("type", "contact", "id", contact.id()))));
        List<Map<String, Object>> parts = MESSAGE_REPLIED.equals(topic)
                ? List.of(Map.of("type", "conversation_part", "part_type", "comment", "body", MESSAGE, "author", author))
                : List.of();
        item.put("conversation_parts", Map.of("type", "conversation_part.list", "conversation_parts", parts,
                "total_count", parts.size()));
        List<Map<String, Object>> tags = topic.startsWith("conversation_part.tag")
                ? List.of(Map.of("type", "tag", "id", "dev-tag-1", "name", syncTag,
                        "applied_by", Map.of("type", "admin", "id", adminId)))
                : List.of();
        item.put("tags", Map.of("type", "tag.list", "tags", tags));
        if (!tags.isEmpty()) {
            item.put("tags_added", Map.of("type", "tag.list", "tags", tags));
        }
        return item;
    }
}
