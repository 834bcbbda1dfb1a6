package app.carepanel.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <token>} against a configured token, in constant time; 401 otherwise. */
public final class BearerToken {

    private BearerToken() {
    }

    /** Returns quietly when the header carries the expected token; throws {@link Unauthorized} with a reason. */
    public static void require(String authorization, Optional<String> expected, String variable) {
        String token = expected.map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new Unauthorized(variable + " is not configured, so this endpoint is closed"));
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("missing bearer token");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthorized("wrong bearer token");
        }
    }
}
