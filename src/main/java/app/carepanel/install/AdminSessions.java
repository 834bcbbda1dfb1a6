package app.carepanel.install;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import app.carepanel.base.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Console sessions. The cookie holds 256 random bits; the database holds only their digest, so a copy of the
 * database signs no one in. A session belongs to one teammate of one workspace and ends after {@link #LIFETIME},
 * at sign-out, or when the workspace uninstalls. Each session has its own CSRF token, derived from the cookie's
 * value: every form of the console carries it, and a POST without it changes nothing.
 */
@ApplicationScoped
public class AdminSessions {

    public static final String COOKIE = "care_panel_admin";
    public static final String PATH = "/admin";
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final int LONGEST_VALUE = 100;

    private final SecureRandom random = new SecureRandom();
    private final AppConfig app;
    private final Clock clock;

    AdminSessions(AppConfig app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    /** A signed-in teammate: the workspace the console shows, who they are, and the token their forms carry. */
    public record Session(String workspaceId, String adminId, String csrfToken, Instant expiresAt) {

        /** True when a form's token is this session's (compared in constant time). */
        public boolean accepts(String formToken) {
            return formToken != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    formToken.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[workspace=" + workspaceId + ", admin=" + adminId + "]";
        }
    }

    /** Starts a session and answers the cookie's value. Expired sessions are cleared on the way. */
    String start(String workspaceId, String adminId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            AdminSession.delete("expiresAt < ?1", now);
            AdminSession row = new AdminSession();
            row.sessionDigest = Digests.sha256Hex(value);
            row.workspaceId = workspaceId;
            row.adminId = adminId;
            row.createdAt = now;
            row.expiresAt = now.plus(LIFETIME);
            row.persist();
        });
        return value;
    }

    /** The session of a cookie's value, if it is one and has not ended. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > LONGEST_VALUE) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            AdminSession row = AdminSession.findById(Digests.sha256Hex(cookieValue));
            return row == null || !row.expiresAt.isAfter(now) ? Optional.<Session>empty()
                    : Optional.of(new Session(row.workspaceId, row.adminId, csrfToken(cookieValue), row.expiresAt));
        });
    }

    /** Signs out: the session's row goes, so the cookie is worth nothing even if kept. */
    public void end(String cookieValue) {
        if (cookieValue != null && cookieValue.length() <= LONGEST_VALUE) {
            QuarkusTransaction.requiringNew().run(() -> AdminSession.deleteById(Digests.sha256Hex(cookieValue)));
        }
    }

    /** Ends every session of the workspace; the caller brings the transaction. */
    long endAll(String workspaceId) {
        return AdminSession.delete("workspaceId", workspaceId);
    }

    /** The session cookie: sent only to the console, never to scripts, {@code Secure} when the app is on https. */
    public NewCookie cookie(String value, Duration maxAge) {
        boolean https = app.base().map(url -> url.startsWith("https:")).orElse(true);
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).maxAge((int) maxAge.toSeconds()).httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** The cookie that removes the session cookie from the browser. */
    public NewCookie cleared() {
        return cookie("", Duration.ZERO);
    }

    private static String csrfToken(String cookieValue) {
        return Digests.sha256Hex("console-form:" + cookieValue);
    }
}
