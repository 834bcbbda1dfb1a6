package app.carepanel.profile;

/** The outcome of looking an email up: fresh data, the last known data while the platform fails, or nothing. */
public sealed interface ProfileLookup {

    /** Data fetched now or within the cache's lifetime. */
    record Fresh(ClientProfile profile) implements ProfileLookup {
    }

    /** The platform failed; this is the last data fetched for the email, as of {@code profile.fetchedAt()}. */
    record Stale(ClientProfile profile) implements ProfileLookup {
    }

    /** The platform failed and nothing is known for the email. */
    record Unavailable() implements ProfileLookup {
    }
}
