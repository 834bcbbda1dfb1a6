package app.carepanel.intercom.demo;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in workspace's contacts: one user per email given, with ids {@code dev-contact-1}, {@code -2}... in
 * that order, and the custom attributes written to each. A write is checked as Intercom checks it (every
 * attribute must exist as a custom attribute, a value must fit its data type, a string at most
 * {@value #MAX_STRING} characters) and applied whole or not at all. Thread-safe; kept in memory only.
 */
final class DemoContacts {

    static final String ID_PREFIX = "dev-contact-";
    static final int MAX_STRING = 255;

    private final Map<String, DemoContact> byId = new LinkedHashMap<>();

    DemoContacts(List<String> emails, Instant now) {
        int n = 1;
        for (String email : emails) {
            String id = ID_PREFIX + n++;
            byId.put(id, new DemoContact(id, email, Map.of(), now, null, 0));
        }
    }

    synchronized List<DemoContact> all() {
        return List.copyOf(byId.values());
    }

    synchronized Optional<DemoContact> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** The contacts with this email, compared without case, as Intercom's search on email does. */
    synchronized List<DemoContact> withEmail(String email) {
        String wanted = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(c -> c.email().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /**
     * {@code PUT /contacts/{id}} with {@code custom_attributes}: the contact as written, or a {@link DemoRefusal}
     * (404 for an unknown contact, 400 for an attribute that does not exist or a value that does not fit).
     */
    synchronized DemoContact write(String id, Map<String, Object> values, DemoAttributes attributes, Instant now) {
        DemoContact contact = find(id).orElseThrow(DemoContacts::notFound);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = entry.getKey();
            DemoAttributes.Definition definition = attributes.custom(name)
                    .orElseThrow(() -> new DemoRefusal(400, "parameter_not_found", "Custom attribute '" + name + "' does not exist"));
            check(definition, entry.getValue());
        }
        Map<String, Object> written = new LinkedHashMap<>(contact.customAttributes());
        written.putAll(values);
        DemoContact updated = new DemoContact(id, contact.email(), written, contact.createdAt(), now, contact.writes() + 1);
        byId.put(id, updated);
        return updated;
    }

    static DemoRefusal notFound() {
        return new DemoRefusal(404, "not_found", "User Not Found");
    }

    private static void check(DemoAttributes.Definition definition, Object value) {
        if (value == null) {
            return;
        }
        String name = definition.name();
        String type = definition.dataType();
        boolean fits = switch (type) {
            case "string" -> value instanceof String;
            case "integer", "date", "datetime" -> isWhole(value);
            case "float" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> false;
        };
        if (!fits) {
            throw DemoRefusal.invalid("Custom attribute '" + name + "' is a " + type + ("date".equals(type)
                    || "datetime".equals(type) ? " (Unix seconds)" : "") + "; it cannot hold " + kind(value));
        }
        if (value instanceof String text && text.length() > MAX_STRING) {
            throw DemoRefusal.invalid("Custom attribute '" + name + "' is longer than " + MAX_STRING + " characters");
        }
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger;
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
