package app.carepanel.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests signed the way Intercom signs them, with the test profile's client secret. */
public final class Signed {

    public static final String SECRET = "test-client-secret";

    private Signed() {
    }

    /** A Canvas Kit request: {@code X-Body-Signature} = hex HMAC-SHA256 of the exact body bytes. */
    public static RequestSpecification canvas(String body) {
        return given().contentType(ContentType.JSON)
                .header("X-Body-Signature", hex("HmacSHA256", body))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook notification: {@code X-Hub-Signature} = {@code sha1=} + hex HMAC-SHA1 of the body. */
    public static RequestSpecification webhook(String body) {
        return given().contentType(ContentType.JSON)
                .header("X-Hub-Signature", "sha1=" + hex("HmacSHA1", body))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(String algorithm, String body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
