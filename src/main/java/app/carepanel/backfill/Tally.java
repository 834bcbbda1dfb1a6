package app.carepanel.backfill;

/** The counts of one page, kept in memory until the page is saved with the cursor after it. */
final class Tally {

    long seen;
    long wouldWrite;
    long queued;
    long unchanged;
    long noAccount;
    long excludedEmail;
    long failed;

    void count(ContactOutcome outcome) {
        seen++;
        switch (outcome) {
            case WOULD_WRITE -> wouldWrite++;
            case QUEUED -> queued++;
            case UNCHANGED -> unchanged++;
            case NO_ACCOUNT -> noAccount++;
            case EXCLUDED_OR_INVALID_EMAIL -> excludedEmail++;
            case FAILED -> failed++;
        }
    }
}
