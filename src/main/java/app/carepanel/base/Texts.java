package app.carepanel.base;

/**
 * Cutting text to a length, the one way the app does it: counted in code points (what a reader sees as
 * characters), so that no emoji or other character outside the basic plane is split in half, and ending in an
 * ellipsis that counts as one of them.
 */
public final class Texts {

    public static final String ELLIPSIS = "…";

    private Texts() {
    }

    /** The value when it has at most {@code limit} code points; otherwise its first {@code limit - 1} and "…". */
    public static String cut(String value, int limit) {
        if (value == null || value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, Math.max(0, limit - 1))) + ELLIPSIS;
    }
}
