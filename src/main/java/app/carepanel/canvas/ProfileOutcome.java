package app.carepanel.canvas;

import app.carepanel.profile.ProfileLookup;

/** How a panel answer went, in words for a log line: never a value of the profile. */
final class ProfileOutcome {

    private ProfileOutcome() {
    }

    static String of(ProfileLookup lookup) {
        if (lookup instanceof ProfileLookup.Fresh fresh) {
            return fresh.profile().accountFound() ? "shown" : "no account";
        }
        return lookup instanceof ProfileLookup.Stale ? "stale" : "unavailable";
    }
}
