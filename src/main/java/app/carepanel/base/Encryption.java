package app.carepanel.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Encryption at rest of client data and tokens, with Google Tink's AES-256-GCM AEAD under {@code DATA_ENCRYPTION_KEY}:
 * every value is sealed under the current key, with a context (its table and row) bound in as associated data, so
 * that a sealed value moved to another row does not open. Values sealed under a key in
 * {@code DATA_ENCRYPTION_PREVIOUS_KEYS} still open, and {@link #isCurrent} tells the caller to seal them again.
 * Also keyed digests (HMAC-SHA256 under a key derived from each data key), for finding a row by an email without
 * storing it: a digest cannot be confirmed without the key, which is never in the database.
 */
@Singleton
public class Encryption {

    private static final byte[] DIGEST_KEY_LABEL = "care-panel/email-digest/v1".getBytes(StandardCharsets.UTF_8);
    /** Tink's prefix: a version byte, then the 4-byte id of the key a value was sealed under. */
    private static final int PREFIX_BYTES = 5;

    private final Aead aead;
    private final int currentKeyId;
    private final List<byte[]> digestKeys;

    @Inject
    Encryption(EncryptionConfig config) {
        this(DataKeys.of(config.encryptionKey(), config.encryptionPreviousKeys()));
    }

    Encryption(DataKeys keys) {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(DataKeys.KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.TINK).build();
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            for (int i = 0; i < keys.keys().size(); i++) {
                byte[] key = keys.keys().get(i);
                int id = DataKeys.idOf(key);
                AesGcmKey aesKey = AesGcmKey.builder().setParameters(parameters)
                        .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).setIdRequirement(id).build();
                KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesKey).withFixedId(id);
                keyset.addEntry(i == 0 ? entry.makePrimary() : entry);
            }
            this.aead = keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data keys could not be loaded: " + e.getClass().getSimpleName(), e);
        }
        this.currentKeyId = DataKeys.idOf(keys.keys().get(0));
        this.digestKeys = keys.keys().stream().map(key -> Digests.hmac("HmacSHA256", key, DIGEST_KEY_LABEL)).toList();
    }

    /** What makes the configured keys unusable, naming the variable and how to make a key; empty when they are fine. */
    public static Optional<String> problemWith(EncryptionConfig config) {
        try {
            DataKeys.of(config.encryptionKey(), config.encryptionPreviousKeys());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The value sealed under the current key and bound to {@code context}, as base64 text for a column. */
    public String seal(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /** As {@link #seal(String, String)}, for bytes. */
    public String seal(byte[] plaintext, String context) {
        return Base64.getEncoder().encodeToString(sealBinary(plaintext, context));
    }

    /** As {@link #seal(byte[], String)}, as bytes for a binary column. */
    public byte[] sealBinary(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a value could not be encrypted", e);
        }
    }

    /** The plaintext of a sealed value; {@link Unreadable} when no configured key opens it for this context. */
    public String open(String sealed, String context) {
        return new String(openBase64(sealed, context), StandardCharsets.UTF_8);
    }

    /** As {@link #open}, for a value sealed as bytes. */
    public byte[] openBase64(String sealed, String context) {
        byte[] binary;
        try {
            binary = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new Unreadable();
        }
        return openBinary(binary, context);
    }

    /** As {@link #openBase64}, for a value kept in a binary column ({@link #sealBinary}). */
    public byte[] openBinary(byte[] sealed, String context) {
        try {
            return aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new Unreadable();
        }
    }

    /** True when the value was sealed under the current key; false when it should be sealed again. */
    public boolean isCurrent(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return bytes.length > PREFIX_BYTES && ByteBuffer.wrap(bytes, 1, 4).getInt() == currentKeyId;
    }

    /** The keyed digest of a value under the current key, as hex: what rows are written under. */
    public String digest(String value) {
        return digests(value).get(0);
    }

    /** The keyed digests of a value under the current key, then under each previous key: what rows are found by. */
    public List<String> digests(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return digestKeys.stream().map(key -> HexFormat.of().formatHex(Digests.hmac("HmacSHA256", key, bytes))).toList();
    }

    /** A sealed value that no configured key opens (a key was removed, or the value was changed or moved). */
    public static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("a stored value could not be decrypted with the configured keys", null, false, false);
        }
    }
}
