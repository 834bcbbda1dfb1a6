package app.carepanel.sync;

/** Why a contact is synced. Some want data straight from the platform rather than the panel's cache. */
public enum SyncTrigger {
    /** A teammate opened the contact in the panel (the lookup just made is reused). */
    VIEW(false, false),
    /** A teammate pressed Refresh (the lookup just made is reused). */
    REFRESH(false, true),
    /** The client sent a new message. */
    MESSAGE(false, false),
    /** The contact's email changed in Intercom. */
    EMAIL_CHANGED(true, false),
    /** A teammate tagged the conversation for a re-sync. */
    TAG(true, true),
    /** The platform reported that the client's data changed. */
    PLATFORM_CHANGE(true, false),
    /** An Intercom workflow asked through {@code POST /sync/contacts/{id}}. */
    API(true, true),
    /**
     * A backfill walks every contact of the workspace. Not urgent: no one waits for one contact, and it must not cut
     * ahead of a failure's backoff. No refetch: the panel's short cache is as good, and a dry run just before fills it.
     */
    BACKFILL(false, false);

    private final boolean refetch;
    private final boolean urgent;

    SyncTrigger(boolean refetch, boolean urgent) {
        this.refetch = refetch;
        this.urgent = urgent;
    }

    /** True when a person asked for it and waits: it cuts short the backoff after a failed attempt. */
    public boolean urgent() {
        return urgent;
    }

    /** True when the data must come from the platform now, not from a lookup up to a minute old. */
    public boolean refetch() {
        return refetch;
    }
}
