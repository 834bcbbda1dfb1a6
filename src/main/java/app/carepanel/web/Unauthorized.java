package app.carepanel.web;

/** A request without the credentials an endpoint needs; answered with 401 and the reason. */
public class Unauthorized extends RuntimeException {

    public Unauthorized(String reason) {
        super(reason, null, false, false);
    }
}
