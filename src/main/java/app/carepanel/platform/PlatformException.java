package app.carepanel.platform;

/** The platform could not give an answer. The message names the call and the cause, never client data. */
public abstract sealed class PlatformException extends RuntimeException permits PlatformUnavailable, PlatformRejected {

    PlatformException(String message) {
        super(message, null, false, false);
    }
}
