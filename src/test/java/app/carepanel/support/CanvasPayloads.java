package app.carepanel.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Canvas Kit request bodies shaped like Intercom's Inbox payloads. */
public final class CanvasPayloads {

    public static final String WORKSPACE = "ws-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CanvasPayloads() {
    }

    public static String initialize(String contactId, String email) {
        return json(base(contact(contactId, email), List.of()));
    }

    public static String initializeWithReplyTo(String contactId, String email, String replyTo) {
        return json(base(contact(contactId, email), List.of(replyTo)));
    }

    /** An older payload: the contact under {@code customer}. */
    public static String initializeAsCustomer(String contactId, String email) {
        Map<String, Object> body = base(null, List.of());
        body.remove("contact");
        body.put("customer", contact(contactId, email));
        return json(body);
    }

    public static String submit(String contactId, String email, String componentId, String storedView) {
        Map<String, Object> body = base(contact(contactId, email), List.of());
        body.put("component_id", componentId);
        body.put("input_values", Map.of());
        body.put("current_canvas", Map.of("content", Map.of("components", List.of()),
                "stored_data", Map.of("view", storedView)));
        body.put("stored_data", Map.of("view", storedView));
        return json(body);
    }

    /** A submit with what the teammate typed ({@code input_values}) and what the previous canvas stored. */
    public static String submitWith(String contactId, String email, String componentId, Map<String, String> inputs,
            Map<String, String> stored) {
        Map<String, Object> body = base(contact(contactId, email), List.of());
        body.put("component_id", componentId);
        body.put("input_values", inputs);
        body.put("current_canvas", Map.of("content", Map.of("components", List.of()), "stored_data", stored));
        body.put("stored_data", stored);
        return json(body);
    }

    private static Map<String, Object> base(Map<String, Object> contact, List<String> replyTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workspace_id", WORKSPACE);
        body.put("workspace_region", "us");
        body.put("admin", Map.of("id", "814860", "type", "admin", "name", "Casey Teammate", "email", "casey@practice.example"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "email");
        if (!replyTo.isEmpty()) {
            source.put("reply_to", replyTo.stream().map(r -> Map.of("email", r)).toList());
        }
        body.put("conversation", Map.of("type", "conversation", "id", "147", "source", source));
        body.put("contact", contact);
        body.put("context", Map.of("location", "conversation"));
        return body;
    }

    private static Map<String, Object> contact(String id, String email) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("type", "contact");
        contact.put("id", id);
        contact.put("role", "user");
        contact.put("email", email);
        contact.put("name", "Contact " + id);
        return contact;
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
