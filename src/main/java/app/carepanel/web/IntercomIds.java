package app.carepanel.web;

import java.util.regex.Pattern;

import app.carepanel.base.PathSegments;

/**
 * Checks an id that arrives from outside (workspace, contact, conversation, tag, admin, notification) before it
 * is stored or logged. Intercom's ids are short ASCII tokens; anything else is refused with a 400 and a reason,
 * never let through to a database column it does not fit or into a log line it would garble.
 */
public final class IntercomIds {

    /** The longest id the database columns hold. */
    public static final int MAX_LENGTH = 64;
    /** Webhook notification ids carry a prefix and a UUID, so they get more room. */
    public static final int MAX_NOTIFICATION_LENGTH = 128;

    private static final Pattern PRINTABLE_WITHOUT_SPACES = Pattern.compile("[\\x21-\\x7E]+");

    private IntercomIds() {
    }

    /** The id as given (not trimmed: trimming would also strip control characters); a 400 when it is no id. */
    public static String require(String value, String what) {
        return require(value, what, MAX_LENGTH);
    }

    public static String require(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(what + " is required");
        }
        if (!isValid(value, maxLength)) {
            throw new BadRequest(what + " is not an Intercom id: at most " + maxLength
                    + " printable ASCII characters without spaces, and not . or ..");
        }
        return value;
    }

    /**
     * Printable ASCII without spaces, and not {@code .} or {@code ..}: those pass through a REST path unencoded, and
     * a server or proxy that normalises paths reads them as "this" or "the parent" ({@code PUT /contacts/..}).
     */
    public static boolean isValid(String id, int maxLength) {
        return id != null && id.length() <= maxLength && PRINTABLE_WITHOUT_SPACES.matcher(id).matches()
                && PathSegments.isSingle(id);
    }
}
