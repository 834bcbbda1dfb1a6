package app.carepanel.web;

/** A request whose signature is missing or wrong; answered with 401 and the reason, never with data. */
public class SignatureRejected extends RuntimeException {

    public SignatureRejected(String reason) {
        super(reason, null, false, false);
    }
}
