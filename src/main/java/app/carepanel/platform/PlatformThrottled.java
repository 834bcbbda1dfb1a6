package app.carepanel.platform;

/** The platform answered 429: too many requests for now. A failure that passes, like any other unavailability. */
public final class PlatformThrottled extends PlatformUnavailable {

    public PlatformThrottled(String message) {
        super(message);
    }
}
