package app.carepanel.profile;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The name of each attribute in this deployment: the label of {@code ATTRIBUTES.md} unless
 * {@code ATTRIBUTES_NAMES} renames it, as {@code Default Name=Workspace Name} pairs separated by {@code ;}
 * (e.g. {@code Client ID=Platform Client ID;Name=Client Name}). The panel's field labels use the same names.
 */
@Singleton
public class AttributeNames {

    private static final Map<String, Attribute> BY_LABEL = Arrays.stream(Attribute.values())
            .collect(Collectors.toMap(Attribute::label, Function.identity()));

    private final Map<Attribute, String> names = new EnumMap<>(Attribute.class);

    @Inject
    AttributeNames(AttributesConfig config) {
        this(config.names());
    }

    public AttributeNames(Optional<String> overrides) {
        for (Attribute attribute : Attribute.values()) {
            names.put(attribute, attribute.label());
        }
        overrides.ifPresent(this::apply);
        refuseCollisions();
    }

    /** Two attributes under one name would overwrite each other on the contact; refused at start, with the names. */
    private void refuseCollisions() {
        Map<String, Attribute> seen = new HashMap<>();
        for (Map.Entry<Attribute, String> entry : names.entrySet()) {
            String key = entry.getValue().toLowerCase(Locale.ROOT);
            Attribute other = seen.putIfAbsent(key, entry.getKey());
            if (other != null) {
                throw new IllegalArgumentException("ATTRIBUTES_NAMES: '" + other.label() + "' and '"
                        + entry.getKey().label() + "' would both be written as '" + entry.getValue() + "'");
            }
            if (TypedCompanions.NAMES.contains(key)) {
                throw new IllegalArgumentException("ATTRIBUTES_NAMES: '" + entry.getValue()
                        + "' is the name of a typed companion attribute; choose another name for '"
                        + entry.getKey().label() + "'");
            }
        }
    }

    private void apply(String overrides) {
        for (String pair : overrides.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1 || pair.substring(equals + 1).isBlank()) {
                throw new IllegalArgumentException("ATTRIBUTES_NAMES: '" + pair.trim()
                        + "' is not of the form 'Default Name=New Name'");
            }
            String label = pair.substring(0, equals).trim();
            Attribute attribute = BY_LABEL.get(label);
            if (attribute == null) {
                throw new IllegalArgumentException("ATTRIBUTES_NAMES: '" + label + "' is not an attribute; use one of "
                        + String.join(", ", BY_LABEL.keySet()));
            }
            names.put(attribute, pair.substring(equals + 1).trim());
        }
    }

    public String of(Attribute attribute) {
        return names.get(attribute);
    }
}
