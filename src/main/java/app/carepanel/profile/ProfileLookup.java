package app.carepanel.profile;

import java.time.Instant;

/** The outcome of looking an email up: fresh data, the last known data while the platform fails, or nothing. */
public sealed interface ProfileLookup {

    /** When the client data it holds was fetched; null when it holds none. */
    default Instant fetchedAt() {
        return this instanceof Fresh fresh ? fresh.profile().fetchedAt()
                : this instanceof Stale stale ? stale.profile().fetchedAt() : null;
    }

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
