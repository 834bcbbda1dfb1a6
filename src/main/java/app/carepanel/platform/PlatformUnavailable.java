package app.carepanel.platform;

/** The platform is unreachable, too slow, failing (5xx), rate-limiting (429) or answered something unreadable. */
public sealed class PlatformUnavailable extends PlatformException permits PlatformThrottled {

    public PlatformUnavailable(String message) {
        super(message);
    }
}
