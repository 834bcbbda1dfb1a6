package app.carepanel.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Encryption;

/**
 * A snapshot's JSON as it is stored: compressed (Deflate, with a preset dictionary), then sealed with the data key.
 * Sealed text is noise to a compressor, so the JSON is compressed before it is sealed: a bench client's snapshot
 * went from 1,980 characters sealed to 249 bytes, and snapshots were 83 % of the H2 file's live data after a long
 * run of syncs.
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
    /**
     * Deflate's preset dictionary: the JSON of a snapshot without its values, and the words and fragments its values
     * are made of most often. A snapshot of 1.5 KB otherwise pays for its keys in full each time; with it, a bench
     * client's snapshot compresses to 249 bytes instead of 633. Its content must never change (its checksum is in
     * every snapshot compressed with it, and checked here): a better one is a file of its own, added beside it.
     */
    private static final String DICTIONARY_RESOURCE = "snapshot-dictionary-1.txt";
    private static final long DICTIONARY_ADLER32 = 1_174_250_997L;
    private static final byte[] DICTIONARY = dictionary();

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
        if (text == null) {
            throw new UncheckedIOException(new IOException("a stored snapshot holds neither form"));
        }
        if (!text.startsWith(DEFLATED)) {
            return encryption.open(text, context);
        }
        byte[] deflated = encryption.openBase64(text.substring(DEFLATED.length()), context + DEFLATED_CONTEXT);
        return new String(inflate(deflated), StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater();
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The inflated bytes, with the preset dictionary when the data names it (snapshots stored as text were compressed
     * without); an {@link UncheckedIOException} when they are not Deflate data, name another dictionary, end early or
     * inflate too far.
     */
    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(buffer);
                if (inflated == 0 && inflater.needsDictionary()) {
                    if (inflater.getAdler() != DICTIONARY_ADLER32) {
                        throw new IOException("a stored snapshot names a dictionary this version does not have");
                    }
                    inflater.setDictionary(DICTIONARY);
                } else if (inflated == 0) {
                    throw new IOException("a stored snapshot ends before its compressed data does");
                }
                out.write(buffer, 0, inflated);
                if (out.size() > MOST_INFLATED_BYTES) {
                    throw new IOException("a stored snapshot inflates past " + MOST_INFLATED_BYTES + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new IOException("a stored snapshot goes on after its compressed data");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("a stored snapshot is not Deflate data", e));
        } finally {
            inflater.end();
        }
    }

    /** The dictionary, checked against the checksum its snapshots name. */
    private static byte[] dictionary() {
        try (InputStream in = SnapshotSealing.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY_RESOURCE + " is missing from the package");
            }
            byte[] dictionary = in.readAllBytes();
            Adler32 checksum = new Adler32();
            checksum.update(dictionary);
            if (checksum.getValue() != DICTIONARY_ADLER32) {
                throw new IllegalStateException(DICTIONARY_RESOURCE + " changed: snapshots stored with it would be unreadable");
            }
            return dictionary;
        } catch (IOException e) {
            throw new IllegalStateException(DICTIONARY_RESOURCE + " could not be read", e);
        }
    }
}
