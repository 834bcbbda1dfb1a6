package app.carepanel.backfill;

/** What a backfill did with one contact, or (dry run) what the sync would do. */
enum ContactOutcome {
    /** Dry run: the sync would write the contact's attributes. */
    WOULD_WRITE,
    /** Real run: the contact's sync was queued. */
    QUEUED,
    /** Dry run: the sync would skip the write, the same values having been written recently. */
    UNCHANGED,
    /** Dry run: no platform account has the email (the sync would write "Platform Account Exists: No"). */
    NO_ACCOUNT,
    /** No email, an invalid one, or a system or shared address: never looked up or written. */
    EXCLUDED_OR_INVALID_EMAIL,
    /** The platform lookup (dry run) or queueing (real run) failed for this contact. */
    FAILED
}
