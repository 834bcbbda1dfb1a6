package app.carepanel.web;

/** The body of every 4xx the app answers: {@code {"error":"<short reason>"}}. */
public record ErrorBody(String error) {
}
