package app.carepanel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Every refusal of the HTTP layer (RESTEasy Reactive's and Vert.x's) answers {@code {"error": "<reason>"}} as JSON,
 * with the status it had before: never an empty body, an HTML page or a 5xx.
 */
@QuarkusTest
@TestProfile(HttpRefusalsTest.SmallBodies.class)
class HttpRefusalsTest extends AppTest {

    /** A small body limit, so that a 413 takes a small body; the header limits are the app's own (20K, ceiling 64K). */
    public static class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sync.workers", "0", "quarkus.http.limits.max-body-size", "1K");
        }
    }

    @TestHTTPResource("/")
    URI root;

    private static ValidatableResponse json(ValidatableResponse response, int status, String reason) {
        return response.statusCode(status).contentType(startsWith("application/json")).body("error", equalTo(reason));
    }

    @Test
    void unknownPathIs404WithReason() {
        json(given().get("/no/such/path").then(), 404, "no such path");
        json(given().contentType("application/json").body("{}").post("/canvas/nope").then(), 404, "no such path");
    }

    @Test
    void wrongMethodIs405WithReason() {
        json(given().get("/canvas/initialize").then(), 405, "method not allowed here");
        json(given().delete("/webhooks/intercom").then(), 405, "method not allowed here");
    }

    @Test
    void unreadableContentTypeIs400WithReason() throws Exception {
        // RESTEasy Reactive throws a bare WebApplicationException(400) when it cannot parse the Content-Type of a
        // body it reads; java.net.http sends the header exactly as given.
        for (String contentType : new String[] { ";;;", "foo", "a/b/c", "/" }) {
            HttpResponse<String> response = post("canvas/initialize", contentType, "{}");
            assertThat(response.statusCode()).as(contentType).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("{\"error\":\"the Content-Type header cannot be read\"}");
        }
        HttpResponse<String> webhook = post("webhooks/intercom", ";;;", "{}");
        assertThat(webhook.statusCode()).isEqualTo(400);
        assertThat(webhook.body()).isEqualTo("{\"error\":\"the Content-Type header cannot be read\"}");
    }

    @Test
    void contentTypeWithEmptyCharsetIsReadAsTheAppsOwnRefusal() throws Exception {
        // "application/json; charset=" parses: the request reaches the endpoint, which refuses it for itself.
        HttpResponse<String> response = post("canvas/initialize", "application/json; charset=", "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"missing X-Body-Signature header\"}");
    }

    @Test
    void contentTypeOutsideConsumesIs415WithReason() throws Exception {
        json(given().contentType("text/plain").body("x").post("/test-only/json-only").then(), 415, "unsupported content type");
        // On an endpoint with @Consumes, RESTEasy Reactive answers an unreadable Content-Type with 415, not 400.
        HttpResponse<String> response = post("test-only/json-only", ";;;", "{}");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("{\"error\":\"the Content-Type header cannot be read\"}");
        // The app's endpoints take any type, so text/plain reaches them (and they refuse an unsigned body).
        json(given().contentType("text/plain").body("x").post("/canvas/initialize").then(), 401, "missing X-Body-Signature header");
    }

    @Test
    void unacceptableAcceptIs406WithReason() {
        json(given().accept("text/html").contentType("application/json").body("{}").post("/canvas/initialize").then(),
                406, "no acceptable response type: this path answers application/json");
    }

    @Test
    void bodyOverTheLimitIs413WithReason() {
        String body = "{\"pad\": \"" + "x".repeat(2000) + "\"}";
        json(given().contentType("application/json").body(body).post("/canvas/initialize").then(),
                413, "the body is larger than 1024 bytes").header("Connection", "close");
        // Also where no endpoint reads the body, and for a path that does not exist.
        json(given().contentType("application/json").body(body).post("/no/such/path").then(), 413, "the body is larger than 1024 bytes");
        // The limit itself is accepted (the endpoint then refuses the unsigned body for itself).
        json(given().contentType("application/json").body("x".repeat(1024)).post("/canvas/initialize").then(),
                401, "missing X-Body-Signature header");
    }

    @Test
    void chunkedBodyOverTheLimitIs413WithReason() {
        // An InputStream body has no length: Apache HttpClient sends it chunked, without Content-Length.
        byte[] body = ("{\"pad\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        json(given().contentType("application/json").body(new ByteArrayInputStream(body)).post("/canvas/initialize").then(),
                413, "the body is larger than 1024 bytes");
        // A chunked body within the limit still reaches the endpoint.
        json(given().contentType("application/json").body(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))
                .post("/canvas/initialize").then(), 401, "missing X-Body-Signature header");
    }

    @Test
    void headersOverTheLimitAre431WithReason() {
        json(given().header("X-Padding", "a".repeat(30_000)).get("/canvas/initialize").then(),
                431, "request headers too large: more than 20480 bytes");
        json(given().header("X-One", "a".repeat(12_000)).header("X-Two", "b".repeat(12_000)).get("/q/health").then(),
                431, "request headers too large: more than 20480 bytes");
        // Under the limit, the request goes on.
        json(given().header("X-Padding", "a".repeat(15_000)).get("/canvas/initialize").then(), 405, "method not allowed here");
    }

    @Test
    void headersOverTheCodecCeilingAreStill431ButWithoutBody() {
        // Over quarkus.http.limits.max-header-size (64K), Vert.x's HTTP codec answers before any route: the status is
        // right, the body cannot be set (Quarkus exposes no HttpServer.invalidRequestHandler).
        given().header("X-Padding", "a".repeat(70_000)).get("/canvas/initialize")
                .then().statusCode(431).body(equalTo(""));
    }

    @Test
    void theAppsOwnRefusalsAndHealthAreUnchanged() {
        json(given().contentType("application/json").body("{}").post("/canvas/initialize").then(), 401, "missing X-Body-Signature header");
        given().get("/q/health/live").then().statusCode(200);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
