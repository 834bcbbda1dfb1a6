package app.carepanel.base;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The key that client data and tokens are encrypted with at rest ({@code DATA_ENCRYPTION_*}). */
@ConfigMapping(prefix = "data")
public interface EncryptionConfig {

    /** A base64-encoded 32-byte key ({@code DATA_ENCRYPTION_KEY}, made with {@code openssl rand -base64 32}). */
    Optional<String> encryptionKey();

    /** Earlier keys, still read but no longer written with ({@code DATA_ENCRYPTION_PREVIOUS_KEYS}, comma-separated). */
    Optional<List<String>> encryptionPreviousKeys();
}
