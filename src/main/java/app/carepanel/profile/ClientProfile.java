package app.carepanel.profile;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.carepanel.base.Texts;

/**
 * Everything the panel shows and the sync writes for one email, as of {@code fetchedAt}: a section per
 * platform account (ordered by client id) and the combined attribute values. A profile kept for later
 * ({@link #bounded}) may leave accounts out; {@code accountsLeftOut} counts them.
 */
public record ClientProfile(
        Instant fetchedAt,
        List<AccountValues> accounts,
        Map<Attribute, String> attributes,
        TypedCompanions companions,
        int accountsLeftOut) {

    /** The most accounts a panel draws; the others are counted. */
    public static final int MOST_ACCOUNTS_SHOWN = 10;
    /** The longest value a panel shows, in characters; shorter cuts follow when a canvas would be too large. */
    public static final int LONGEST_VALUE_SHOWN = 1000;

    public ClientProfile {
        accounts = List.copyOf(accounts);
        attributes = Attribute.ordered(attributes);
    }

    public ClientProfile(Instant fetchedAt, List<AccountValues> accounts, Map<Attribute, String> attributes,
            TypedCompanions companions) {
        this(fetchedAt, accounts, attributes, companions, 0);
    }

    public boolean accountFound() {
        return !accounts.isEmpty();
    }

    /** How many accounts the email matches, those left out of a bounded copy included. */
    public int accountCount() {
        return accounts.size() + accountsLeftOut;
    }

    public String get(Attribute attribute) {
        return attributes.getOrDefault(attribute, Attribute.EMPTY);
    }

    /** A copy with at most {@code maxAccounts} accounts and every value cut to {@code valueLimit} characters. */
    public ClientProfile bounded(int valueLimit, int maxAccounts) {
        List<AccountValues> kept = accounts.stream().limit(maxAccounts)
                .map(account -> new AccountValues(account.clientId(), cut(account.values(), valueLimit))).toList();
        return new ClientProfile(fetchedAt, kept, cut(attributes, valueLimit), companions,
                accountsLeftOut + accounts.size() - kept.size());
    }

    private static Map<Attribute, String> cut(Map<Attribute, String> values, int limit) {
        Map<Attribute, String> cut = new EnumMap<>(Attribute.class);
        values.forEach((attribute, value) -> cut.put(attribute, Texts.cut(value, limit)));
        return cut;
    }
}
