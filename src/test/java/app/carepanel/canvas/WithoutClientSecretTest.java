package app.carepanel.canvas;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** An app deployed without INTERCOM_CLIENT_SECRET refuses Canvas Kit requests rather than serving them unsigned. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@TestProfile(WithoutClientSecretTest.NoSecret.class)
class WithoutClientSecretTest extends AppTest {

    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intercom.client-secret", "");
        }
    }

    @Test
    void refusesUnsignedRequestWhenNoSecretIsConfigured() {
        given().contentType(ContentType.JSON).body(CanvasPayloads.initialize("c-1", "sami@example.com"))
                .post("/canvas/initialize")
                .then().statusCode(401).body("error", containsString("no client secret configured"));
    }

    @Test
    void refusesEvenCorrectlyShapedSignatureWhenNoSecretIsConfigured() {
        Signed.canvas(CanvasPayloads.initialize("c-1", "sami@example.com"))
                .post("/canvas/submit")
                .then().statusCode(401).body("error", containsString("no client secret configured"));
    }
}
