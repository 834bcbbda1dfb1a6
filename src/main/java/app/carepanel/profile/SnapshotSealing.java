package app.carepanel.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Encryption;

/**
 * A snapshot's JSON as it is stored: compressed (Deflate), then sealed with the data key. Sealed text is noise to a
 * compressor, so the JSON is compressed before it is sealed: a bench client's snapshot went from about 1,980
 * characters to a third of that, and snapshots were 83 % of the H2 file's live data after a long run of syncs.
 *
 * <p>The compressed form is sealed under its own context and kept as bytes (base64 text would add a third). Two
 * earlier forms are still read from the text column: compressed and sealed, marked {@value #DEFLATED}, and sealed
 * JSON without a mark; either is written anew as bytes the next time its snapshot is saved.
 */
@ApplicationScoped
class SnapshotSealing {

    static final String DEFLATED = "d1:";
    private static final String DEFLATED_CONTEXT = "/deflated";
    /**
     * Inflating stops past this. A snapshot's JSON is kept to {@link SnapshotStore#MOST_BYTES} characters, and a
     * character takes at most 3 bytes of UTF-8 (a pair of surrogates 4), so no snapshot stored comes near it.
     */
    private static final int MOST_INFLATED_BYTES = 4 * SnapshotStore.MOST_BYTES;

    private final Encryption encryption;

    SnapshotSealing(Encryption encryption) {
        this.encryption = encryption;
    }

    /** The JSON compressed and sealed for the snapshot's context, as bytes for its binary column. */
    byte[] seal(String json, String context) {
        return encryption.sealBinary(deflate(json.getBytes(StandardCharsets.UTF_8)), context + DEFLATED_CONTEXT);
    }

    /**
     * The JSON of a stored snapshot: {@code binary} when it has one, else its text of an earlier version (compressed
     * and marked, or plain JSON); {@link Encryption.Unreadable} when no key opens it, an {@link UncheckedIOException}
     * when what it opens to does not inflate.
     */
    String open(byte[] binary, String text, String context) {
        if (binary != null) {
            return new String(inflate(encryption.openBinary(binary, context + DEFLATED_CONTEXT)), StandardCharsets.UTF_8);
        }
        if (!text.startsWith(DEFLATED)) {
            return encryption.open(text, context);
        }
        byte[] deflated = encryption.openBytes(text.substring(DEFLATED.length()), context + DEFLATED_CONTEXT);
        return new String(inflate(deflated), StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out)) {
            deflating.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The inflated bytes; an {@link UncheckedIOException} when they are not Deflate data or inflate too far. */
    private static byte[] inflate(byte[] deflated) {
        try (InflaterInputStream inflating = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            byte[] plain = inflating.readNBytes(MOST_INFLATED_BYTES + 1);
            if (plain.length > MOST_INFLATED_BYTES) {
                throw new IOException("a stored snapshot inflates past " + MOST_INFLATED_BYTES + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
