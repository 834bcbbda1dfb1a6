package app.carepanel.intercom.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stand-in workspace's contact data attributes: a few of Intercom's standard ones and the custom ones created
 * through {@code POST /data_attributes}, with Intercom's rules: a name is taken once, a data type is one of
 * Intercom's, at most {@value #MAX_CUSTOM} custom attributes. Thread-safe; kept in memory only.
 */
final class DemoAttributes {

    static final int MAX_CUSTOM = 250;
    static final Set<String> DATA_TYPES = Set.of("string", "integer", "float", "boolean", "date", "datetime");

    /** One contact attribute as {@code GET /data_attributes} lists it. */
    record Definition(String name, String dataType, boolean custom, String description, Instant createdAt) {

        /** Intercom's {@code data_attribute} object. */
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "data_attribute");
            json.put("name", name);
            json.put("full_name", custom ? "custom_attributes." + name : name);
            json.put("label", name);
            json.put("description", description);
            json.put("data_type", dataType);
            json.put("api_writable", true);
            json.put("ui_writable", custom);
            json.put("messenger_writable", custom);
            json.put("custom", custom);
            json.put("archived", false);
            json.put("model", "contact");
            if (createdAt != null) {
                json.put("created_at", createdAt.getEpochSecond());
                json.put("updated_at", createdAt.getEpochSecond());
            }
            return json;
        }
    }

    private final Map<String, Definition> byName = new LinkedHashMap<>();

    DemoAttributes() {
        for (Definition standard : List.of(
                new Definition("name", "string", false, "A contact's full name", null),
                new Definition("email", "string", false, "A contact's email address", null),
                new Definition("phone", "string", false, "A contact's phone number", null),
                new Definition("external_id", "string", false, "A contact's id in your systems", null),
                new Definition("created_at", "date", false, "The time the contact was added", null))) {
            byName.put(standard.name(), standard);
        }
    }

    /** Every contact attribute, standard ones first, then custom ones in the order they were created. */
    synchronized List<Definition> all() {
        return List.copyOf(byName.values());
    }

    /** The custom attribute of that name, if one was created. */
    synchronized Optional<Definition> custom(String name) {
        return Optional.ofNullable(byName.get(name)).filter(Definition::custom);
    }

    /** {@code POST /data_attributes}: a new custom contact attribute, or a {@link DemoRefusal} saying why not. */
    synchronized Definition create(String name, String model, String dataType, String description, Instant now) {
        if (name == null || name.isBlank()) {
            throw DemoRefusal.invalid("Name can't be blank");
        }
        if (!"contact".equals(model)) {
            throw DemoRefusal.invalid("The Data Attribute model field must be either contact or company"
                    + ("company".equals(model) ? " (the dev-mode stand-in holds contact attributes only)" : ""));
        }
        if (dataType == null || !DATA_TYPES.contains(dataType)) {
            throw DemoRefusal.invalid("Data Type isn't an option");
        }
        if (byName.containsKey(name)) {
            throw DemoRefusal.invalid("You already have '" + name + "' in your contact data.");
        }
        if (byName.values().stream().filter(Definition::custom).count() >= MAX_CUSTOM) {
            throw DemoRefusal.invalid("You have reached the limit of " + MAX_CUSTOM + " custom attributes for contacts");
        }
        Definition created = new Definition(name, dataType, true, description, now);
        byName.put(name, created);
        return created;
    }

    /** The custom attributes' names and types, for the dev view. */
    synchronized Map<String, String> customTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        new ArrayList<>(byName.values()).stream().filter(Definition::custom)
                .forEach(d -> types.put(d.name(), d.dataType()));
        return types;
    }
}
