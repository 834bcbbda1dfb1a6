package app.carepanel.platform;

/** The platform refused the request (a 4xx other than 429, e.g. a wrong token); trying again will not help. */
public final class PlatformRejected extends PlatformException {

    public PlatformRejected(String message) {
        super(message);
    }
}
