package app.carepanel.web;

/** A request the app cannot act on; answered with 400 and this short reason. */
public class BadRequest extends RuntimeException {

    public BadRequest(String reason) {
        super(reason, null, false, false);
    }
}
