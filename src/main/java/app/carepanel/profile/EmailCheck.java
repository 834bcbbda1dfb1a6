package app.carepanel.profile;

/** What the contact's email allows: a platform lookup, or a plain reason why not. */
public sealed interface EmailCheck {

    /** The contact has no email. */
    record Missing() implements EmailCheck {
    }

    /** The contact's email is not a valid address. */
    record Invalid() implements EmailCheck {
    }

    /** The contact's email, or the conversation's reply-to, is a configured system or shared-inbox address. */
    record Shared() implements EmailCheck {
    }

    /** A valid personal address, normalised (trimmed, lower case): look it up. */
    record Lookup(String email) implements EmailCheck {

        @Override
        public String toString() {
            return "Lookup[email=<redacted>]";
        }
    }
}
