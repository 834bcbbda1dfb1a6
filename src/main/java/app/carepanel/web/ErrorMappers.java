package app.carepanel.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/** The app's own refusals as short JSON reasons; nothing else is mapped, so no exception type leaks. */
class ErrorMappers {

    @ServerExceptionMapper
    Response signatureRejected(SignatureRejected e) {
        return body(Response.Status.UNAUTHORIZED, e.getMessage());
    }

    @ServerExceptionMapper
    Response unauthorized(Unauthorized e) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer").entity(new ErrorBody(e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response badRequest(BadRequest e) {
        return body(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    Response dependencyUnavailable(DependencyUnavailable e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", DependencyUnavailable.RETRY_AFTER_SECONDS).entity(new ErrorBody(e.getMessage())).build();
    }

    static Response body(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason)).build();
    }
}
