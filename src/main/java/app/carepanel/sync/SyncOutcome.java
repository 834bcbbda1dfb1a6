package app.carepanel.sync;

/** How a finished sync ended. */
public enum SyncOutcome {
    /** The attributes were written. */
    WRITTEN,
    /** Nothing but the fetch time changed since a recent write: no write. */
    UNCHANGED,
    /** The contact has no email, an invalid one, or a shared/system one: nothing looked up or written. */
    NOT_LOOKED_UP,
    /** The contact no longer exists in Intercom. */
    CONTACT_GONE,
    /** It kept failing and was given up. */
    FAILED
}
