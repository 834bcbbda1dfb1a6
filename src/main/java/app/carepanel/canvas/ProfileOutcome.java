package app.carepanel.canvas;

import java.time.Instant;
import java.util.List;

import app.carepanel.profile.AccountValues;
import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.ProfileLookup;

/** How a panel answer went, in words for the log and the audit trail: never a value of the profile. */
final class ProfileOutcome {

    private ProfileOutcome() {
    }

    /** {@code shown} (fetched now), {@code cached} (fetched before {@code asked}), {@code stale}, {@code no account}... */
    static String of(ProfileLookup lookup, Instant asked) {
        if (lookup instanceof ProfileLookup.Fresh fresh) {
            if (!fresh.profile().accountFound()) {
                return "no account";
            }
            return fresh.profile().fetchedAt().isBefore(asked) ? "cached" : "shown";
        }
        return lookup instanceof ProfileLookup.Stale ? "stale" : "unavailable";
    }

    /** The client ids of the accounts the canvas can show (at most {@link ClientProfile#MOST_ACCOUNTS_SHOWN}). */
    static List<Long> clientIds(ProfileLookup lookup) {
        ClientProfile profile = lookup instanceof ProfileLookup.Fresh fresh ? fresh.profile()
                : lookup instanceof ProfileLookup.Stale stale ? stale.profile() : null;
        return profile == null ? List.of() : profile.accounts().stream().limit(ClientProfile.MOST_ACCOUNTS_SHOWN)
                .map(AccountValues::clientId).toList();
    }
}
