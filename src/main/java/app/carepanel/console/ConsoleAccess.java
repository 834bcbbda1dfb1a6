package app.carepanel.console;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.carepanel.install.AdminSessions;

/**
 * Who is at the console: a page without a session sends the browser to sign in, a form without the session's
 * CSRF token changes nothing. Every console answer is {@code no-store}: it shows a workspace's data.
 */
@ApplicationScoped
class ConsoleAccess {

    private final AdminSessions sessions;

    ConsoleAccess(AdminSessions sessions) {
        this.sessions = sessions;
    }

    Optional<AdminSessions.Session> session(String cookie) {
        return sessions.find(cookie);
    }

    /** The answer for the signed-in admin, or the way to sign in. */
    Response signedIn(String cookie, Function<AdminSessions.Session, Response> answer) {
        return session(cookie).map(answer).orElseGet(this::toSignIn);
    }

    /** A form's action for the signed-in admin, done only when the form carries the session's CSRF token. */
    Response signedInForm(String cookie, String csrf, Function<AdminSessions.Session, Response> action) {
        return signedIn(cookie, session -> session.accepts(csrf) ? action.apply(session) : formRefused());
    }

    ConsoleView.Header header(AdminSessions.Session session) {
        return new ConsoleView.Header(session.workspaceId(), session.adminId(), session.csrfToken(), false);
    }

    Response toSignIn() {
        return Response.seeOther(URI.create("/admin/sign-in")).header("Cache-Control", "no-store").build();
    }

    /** A POST whose form does not carry the session's token: refused, nothing done. */
    Response formRefused() {
        return page(Response.Status.FORBIDDEN, ConsolePages.message("This form has expired",
                "Nothing was changed: the form did not come from your current console session. Open the console "
                        + "again and repeat what you did.", false).render());
    }

    static Response page(Response.Status status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    static Response ok(String html) {
        return page(Response.Status.OK, html);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
    }
}
