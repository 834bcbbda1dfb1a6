package app.carepanel.install;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.base.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The OAuth {@code state} of each installation: 256 random bits, kept only as a digest, single use, expiring after
 * {@link #LIFETIME}, and bound to the browser that started it by a second random value in a cookie. A callback
 * replayed or stolen into another browser installs nothing.
 */
@ApplicationScoped
class InstallStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Longer than any state this app hands out: anything longer is not one of them. */
    private static final int LONGEST_STATE = 100;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    InstallStates(Clock clock) {
        this.clock = clock;
    }

    /** A new installation's state (for Intercom) and browser key (for the cookie). */
    record Started(String state, String browserKey) {

        @Override
        public String toString() {
            return "Started[<redacted>]";
        }
    }

    /** How a callback's state checked out. */
    enum Check {
        ACCEPTED("accepted"),
        MISSING("The link has no installation state. Start the installation again from Intercom."),
        UNKNOWN("This installation link is not valid or has already been used. Start the installation again."),
        OTHER_BROWSER("This installation was started in another browser, or its cookie was blocked. Start the "
                + "installation again in this browser, with cookies allowed for this site."),
        EXPIRED("This installation link has expired (it is valid for 10 minutes). Start the installation again.");

        final String reason;

        Check(String reason) {
            this.reason = reason;
        }
    }

    /** What a callback's state said: how it checked out and, when accepted, what the flow was for. */
    record Consumed(Check check, InstallState.Purpose purpose) {
    }

    Started begin() {
        return begin(InstallState.Purpose.INSTALL);
    }

    Started begin(InstallState.Purpose purpose) {
        Started started = new Started(randomText(), randomText());
        QuarkusTransaction.requiringNew().run(() -> {
            InstallState.delete("expiresAt < ?1", clock.instant());
            InstallState row = new InstallState();
            row.stateDigest = Digests.sha256Hex(started.state());
            row.browserDigest = Digests.sha256Hex(started.browserKey());
            row.expiresAt = clock.instant().plus(LIFETIME);
            row.purpose = purpose;
            row.persist();
        });
        return started;
    }

    /** Checks the callback's state against the cookie's key, and uses the state up whatever the answer. */
    Consumed consume(String state, String browserKey) {
        if (state == null || state.isBlank()) {
            return new Consumed(Check.MISSING, null);
        }
        if (state.length() > LONGEST_STATE) {
            return new Consumed(Check.UNKNOWN, null);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            InstallState row = InstallState.findById(Digests.sha256Hex(state));
            // Of two callbacks with one state, only the one whose delete removes the row goes on.
            if (row == null || InstallState.delete("stateDigest", row.stateDigest) != 1) {
                return new Consumed(Check.UNKNOWN, null);
            }
            if (browserKey == null || browserKey.length() > LONGEST_STATE
                    || !Digests.sha256Hex(browserKey).equals(row.browserDigest)) {
                return new Consumed(Check.OTHER_BROWSER, row.purpose);
            }
            return new Consumed(row.expiresAt.isAfter(clock.instant()) ? Check.ACCEPTED : Check.EXPIRED, row.purpose);
        });
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
