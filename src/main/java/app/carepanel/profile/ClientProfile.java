package app.carepanel.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the panel shows and the sync writes for one email, as of {@code fetchedAt}: a section per
 * platform account (ordered by client id) and the combined attribute values.
 */
public record ClientProfile(
        Instant fetchedAt,
        List<AccountValues> accounts,
        Map<Attribute, String> attributes,
        TypedCompanions companions) {

    public ClientProfile {
        accounts = List.copyOf(accounts);
        attributes = Attribute.ordered(attributes);
    }

    public boolean accountFound() {
        return !accounts.isEmpty();
    }

    public String get(Attribute attribute) {
        return attributes.getOrDefault(attribute, Attribute.EMPTY);
    }
}
