package app.carepanel.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Digests;
import app.carepanel.intercom.IntercomConfig;
import app.carepanel.web.SignatureRejected;
import io.quarkus.runtime.Startup;
import io.quarkus.logging.Log;

/**
 * Checks that a request body was signed by Intercom with the app's client secret: Canvas Kit requests carry
 * {@code X-Body-Signature} (hex HMAC-SHA256), webhooks {@code X-Hub-Signature} ({@code sha1=} + hex HMAC-SHA1).
 * Always over the raw body bytes, compared in constant time. With no secret configured nothing verifies.
 */
@ApplicationScoped
@Startup
public class IntercomSigning {

    private final Optional<byte[]> secret;

    IntercomSigning(IntercomConfig config) {
        this.secret = config.clientSecret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
        if (secret.isEmpty()) {
            Log.warn("INTERCOM_CLIENT_SECRET is not set: every Canvas Kit request and webhook will be refused");
        }
    }

    /** Verifies a Canvas Kit {@code X-Body-Signature}; throws {@link SignatureRejected} with a reason otherwise. */
    public void verifyBodySignature(byte[] body, String header) {
        verify(body, header, "X-Body-Signature", "HmacSHA256", "");
    }

    /** Verifies a webhook {@code X-Hub-Signature: sha1=<hex>}; throws {@link SignatureRejected} with a reason otherwise. */
    public void verifyHubSignature(byte[] body, String header) {
        verify(body, header, "X-Hub-Signature", "HmacSHA1", "sha1=");
    }

    private void verify(byte[] body, String header, String headerName, String algorithm, String prefix) {
        byte[] key = secret.orElseThrow(() -> new SignatureRejected(
                "this app has no client secret configured, so it cannot verify " + headerName));
        if (header == null || header.isBlank()) {
            throw new SignatureRejected("missing " + headerName + " header");
        }
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new SignatureRejected(headerName + " does not match the request body");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(prefix.length()));
        } catch (IllegalArgumentException notHex) {
            throw new SignatureRejected(headerName + " is not a hex digest");
        }
        if (!MessageDigest.isEqual(Digests.hmac(algorithm, key, body), given)) {
            throw new SignatureRejected(headerName + " does not match the request body");
        }
    }
}
