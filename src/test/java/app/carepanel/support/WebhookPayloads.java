package app.carepanel.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook notifications shaped like Intercom's. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** A client replied in a conversation with these contacts. */
    public static String clientReplied(String notificationId, String workspace, String conversationId, String... contactIds) {
        return notification(notificationId, workspace, "conversation.user.replied", conversation(conversationId, contactIds));
    }

    public static String conversationCreated(String notificationId, String workspace, String conversationId,
            String replyTo, String... contactIds) {
        Map<String, Object> item = conversation(conversationId, contactIds);
        item.put("source", Map.of("type", "email", "reply_to", List.of(Map.of("email", replyTo))));
        return notification(notificationId, workspace, "conversation.user.created", item);
    }

    public static String emailUpdated(String notificationId, String workspace, String contactId) {
        return notification(notificationId, workspace, "contact.email.updated",
                Map.of("type", "contact", "id", contactId, "role", "user"));
    }

    /** A teammate (admin {@code adminId}) tagged the conversation. */
    public static String tagged(String notificationId, String workspace, String conversationId, String tagId,
            String tagName, String adminId, String... contactIds) {
        Map<String, Object> item = conversation(conversationId, contactIds);
        item.put("tags", Map.of("type", "tag.list", "tags", List.of(Map.of("type", "tag", "id", tagId, "name", tagName,
                "applied_by", Map.of("type", "admin", "id", adminId)))));
        return notification(notificationId, workspace, "conversation_part.tag.created", item);
    }

    public static String other(String notificationId, String workspace, String topic) {
        return notification(notificationId, workspace, topic, Map.of("type", "conversation", "id", "1"));
    }

    private static Map<String, Object> conversation(String id, String... contactIds) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (String contactId : contactIds) {
            contacts.add(Map.of("type", "contact", "id", contactId));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "conversation");
        item.put("id", id);
        item.put("source", Map.of("type", "conversation", "author", Map.of("type", "user", "id", contactIds.length > 0 ? contactIds[0] : "x")));
        item.put("contacts", Map.of("type", "contact.list", "contacts", contacts));
        return item;
    }

    private static String notification(String id, String workspace, String topic, Map<String, Object> item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "notification_event");
        body.put("id", id);
        body.put("topic", topic);
        body.put("app_id", workspace);
        body.put("created_at", 1_763_800_000);
        body.put("delivery_attempts", 1);
        body.put("first_sent_at", 1_763_800_000);
        body.put("data", Map.of("type", "notification_event_data", "item", item));
        return CanvasPayloads.json(body);
    }
}
