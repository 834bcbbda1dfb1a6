package app.carepanel.web;

/**
 * A request that was fine but could not be served because Intercom or the platform could not answer it now;
 * answered with 503, this short reason and a {@code Retry-After}, so that a caller tries again later.
 */
public class DependencyUnavailable extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 30;

    public DependencyUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
