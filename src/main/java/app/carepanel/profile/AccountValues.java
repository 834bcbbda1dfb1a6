package app.carepanel.profile;

import java.util.Map;

/** The display values of one platform account, keyed by the per-account attributes. */
public record AccountValues(long clientId, Map<Attribute, String> values) {

    public AccountValues {
        values = Attribute.ordered(values);
    }

    public String get(Attribute attribute) {
        return values.getOrDefault(attribute, Attribute.EMPTY);
    }
}
