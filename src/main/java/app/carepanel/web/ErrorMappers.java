package app.carepanel.web;

import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ResteasyReactiveClientProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.carepanel.base.Causes;
import io.quarkus.logging.Log;


/**
 * The app's own refusals, and those of the REST layer (no such path, wrong method, a Content-Type that cannot be read
 * or is not accepted...), as short JSON reasons; no exception type or stack trace leaks. Refusals that never reach
 * the REST layer (body or headers over the limits) are answered by {@link HttpRefusals}.
 */
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

    /**
     * What the REST layer throws itself carries no entity: NotFoundException (no resource for the path),
     * NotAllowedException (405), NotSupportedException (415), NotAcceptableException (406), and a bare
     * WebApplicationException(400) when the Content-Type header cannot be parsed. A WebApplicationException that
     * carries an entity never reaches a mapper (RESTEasy Reactive answers with it as it is), so this keeps the status
     * and whatever headers it carries, and only replaces the empty body.
     */
    @ServerExceptionMapper
    Response httpRefusal(WebApplicationException e, HttpHeaders headers) {
        if (e instanceof ResteasyReactiveClientProblem) {
            // A REST client's failure that escaped a resource: not a refusal of this request. Answered as
            // RESTEasy Reactive answers an unmapped exception (500, logged), but with the JSON body.
            Log.errorf("Request failed: a call to another service failed (%s)", Causes.rootName(e));
            return body(Response.Status.INTERNAL_SERVER_ERROR, "internal error");
        }
        Response given = e.getResponse();
        int status = given == null ? 500 : given.getStatus();
        Response.ResponseBuilder answer = given == null ? Response.status(status) : Response.fromResponse(given);
        return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason(status, headers))).build();
    }

    private static String reason(int status, HttpHeaders headers) {
        switch (status) {
            case 400:
            case 415:
                if (!contentTypeReadable(headers)) {
                    return "the Content-Type header cannot be read";
                }
                return status == 400 ? "bad request" : "unsupported content type";
            case 404:
                return "no such path";
            case 405:
                return "method not allowed here";
            case 406:
                return "no acceptable response type: this path answers application/json";
            default:
                Response.Status known = Response.Status.fromStatusCode(status);
                if (status >= 500) {
                    return "internal error";
                }
                return known == null ? "request refused" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        }
    }

    private static boolean contentTypeReadable(HttpHeaders headers) {
        String contentType = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Response body(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason)).build();
    }
}
