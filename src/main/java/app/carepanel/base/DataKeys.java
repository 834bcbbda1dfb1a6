package app.carepanel.base;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The configured data keys, read and checked: the current one first, then the previous ones. A key is 32 random
 * bytes given in base64; its id (for Tink's key prefix) is taken from a digest of the key, so that it stays the
 * same across restarts and whatever order the keys are listed in.
 */
record DataKeys(List<byte[]> keys) {

    static final int KEY_BYTES = 32;

    /** The keys of the configuration; an {@link IllegalArgumentException} naming the variable when one is unusable. */
    static DataKeys of(Optional<String> current, Optional<List<String>> previous) {
        String given = current.map(String::trim).filter(k -> !k.isEmpty()).orElseThrow(() -> new IllegalArgumentException(
                "DATA_ENCRYPTION_KEY is not set: client data and tokens are encrypted with it; make one with "
                        + "'openssl rand -base64 32' and keep it secret"));
        List<byte[]> keys = new ArrayList<>();
        keys.add(decode(given, "DATA_ENCRYPTION_KEY"));
        for (String old : previous.orElse(List.of())) {
            if (!old.isBlank()) {
                keys.add(decode(old.trim(), "DATA_ENCRYPTION_PREVIOUS_KEYS"));
            }
        }
        List<Integer> ids = keys.stream().map(DataKeys::idOf).toList();
        if (ids.stream().distinct().count() < ids.size()) {
            throw new IllegalArgumentException("DATA_ENCRYPTION_PREVIOUS_KEYS repeats a key (or DATA_ENCRYPTION_KEY)");
        }
        return new DataKeys(List.copyOf(keys));
    }

    private static byte[] decode(String key, String variable) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not base64; make a key with 'openssl rand -base64 32'");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(variable + " holds " + bytes.length + " bytes, not " + KEY_BYTES
                    + "; make a key with 'openssl rand -base64 32'");
        }
        return bytes;
    }

    /** A positive id drawn from the key's SHA-256, never the key itself. */
    static int idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return ByteBuffer.wrap(digest).getInt() & 0x7fffffff;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
