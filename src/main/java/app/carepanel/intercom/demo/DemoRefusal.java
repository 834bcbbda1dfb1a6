package app.carepanel.intercom.demo;

/**
 * What the stand-in Intercom refuses, as Intercom words it: the HTTP status and one entry of its
 * {@code error.list} ({@code code}, {@code message}).
 */
final class DemoRefusal extends RuntimeException {

    final int status;
    final String code;

    DemoRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static DemoRefusal invalid(String message) {
        return new DemoRefusal(400, "parameter_invalid", message);
    }
}
