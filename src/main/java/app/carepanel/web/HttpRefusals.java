package app.carepanel.web;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refusals answered before a request reaches the REST layer, with the same {@code {"error": "..."}} body as
 * {@link ErrorMappers}:
 * <ul>
 * <li>a body over {@code quarkus.http.limits.max-body-size}: 413. Quarkus checks a Content-Length itself in a route
 * of order -2 ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}) and ends the response with no body, and RESTEasy
 * Reactive does the same when a chunked body outgrows the limit; so this route, of order -3, refuses first.</li>
 * <li>headers over {@code web.max-header-size} (default 20K, Quarkus's own default): 431. Vert.x answers headers over
 * {@code quarkus.http.limits.max-header-size} in its codec, with an empty body, before any route runs, and Quarkus
 * gives no hook to that answer ({@code HttpServer.invalidRequestHandler} is not reachable). So the codec's limit is
 * raised to a ceiling (see application.properties) and the limit that applies is checked here; headers over the
 * ceiling still get Vert.x's bodiless 431.</li>
 * <li>any other 4xx failure of a Vert.x route (ctx.fail(4xx)), e.g. the body handler's 413.</li>
 * </ul>
 */
@ApplicationScoped
class HttpRefusals {

    /** Just before Quarkus's own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    static final int ORDER = -3;

    private final long maxBodySize;
    private final long maxHeaderSize;
    private final ObjectMapper json;
    private final BodyHandler chunkedBody;

    HttpRefusals(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "web.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize, ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.json = json;
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBodySize).setMergeFormAttributes(false);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkLimits);
        router.route().order(ORDER).failureHandler(this::failed);
    }

    private void checkLimits(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (headerSize(request) > maxHeaderSize) {
            refuse(ctx, 431, "request headers too large: more than " + maxHeaderSize + " bytes", true);
            return;
        }
        String contentLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "the Content-Length header cannot be read", true);
                return;
            }
            if (length > maxBodySize) {
                refuse(ctx, 413, tooLarge(), true);
                return;
            }
            ctx.next();
        } else if (request.getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null) {
            // A chunked body has no length to check up front: buffer it up to the limit (RESTEasy Reactive reads
            // a byte[] body whole anyway, and uses the buffered one). Over the limit, the handler fails with 413.
            chunkedBody.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        refuse(ctx, status, status == 413 ? tooLarge() : reason(status), status == 413);
    }

    private String tooLarge() {
        return "the body is larger than " + maxBodySize + " bytes";
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 404 -> "no such path";
            case 405 -> "method not allowed here";
            case 415 -> "unsupported content type";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "request refused" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
    }

    /** About what the HTTP/1.1 codec counts against its limit: each header line without its line break. */
    static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        return size;
    }

    private void refuse(RoutingContext ctx, int status, String reason, boolean closeConnection) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new ErrorBody(reason));
        } catch (JsonProcessingException e) {
            body = "{\"error\":\"request refused\"}";
        }
        response.setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (closeConnection) {
            // The rest of the body is not read: the connection cannot carry another request after it.
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        response.end(body);
    }
}
