package app.carepanel.intercom;

/** The workspace already holds Intercom's maximum of custom attributes (250); nothing more can be created. */
public class AttributeLimitReached extends RuntimeException {

    public AttributeLimitReached(String message) {
        super(message, null, false, false);
    }
}
