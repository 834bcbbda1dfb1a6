package app.carepanel.canvas;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@TestProfile(NoSyncWorkers.class)
class CanvasSignatureTest extends AppTest {

    private final String body = CanvasPayloads.initialize("c-1", "sami@example.com");

    @BeforeEach
    void blankState() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
    }

    @Test
    void refusesRequestWithoutSignature() {
        given().contentType(ContentType.JSON).body(body)
                .post("/canvas/initialize")
                .then().statusCode(401)
                .body("error", containsString("missing X-Body-Signature"))
                .body(not(containsString("Sami")));
        platform.verify(0, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void refusesRequestWithWrongSignature() {
        given().contentType(ContentType.JSON).header("X-Body-Signature", Signed.hex("HmacSHA256", body + " "))
                .body(body)
                .post("/canvas/initialize")
                .then().statusCode(401)
                .body("error", containsString("does not match"))
                .body(not(containsString("Sami")));
        platform.verify(0, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void refusesSignatureThatIsNotHex() {
        given().contentType(ContentType.JSON).header("X-Body-Signature", "not-a-digest").body(body)
                .post("/canvas/submit")
                .then().statusCode(401).body("error", containsString("not a hex digest"));
    }

    @Test
    void refusesBodyChangedAfterSigning() {
        String signature = Signed.hex("HmacSHA256", body);
        String tampered = body.replace("sami@example.com", "someone@example.com");
        given().contentType(ContentType.JSON).header("X-Body-Signature", signature).body(tampered)
                .post("/canvas/initialize")
                .then().statusCode(401);
    }

    @Test
    void answersSignedRequestWithCanvas() {
        Signed.canvas(body).post("/canvas/initialize")
                .then().statusCode(200).body("canvas.content.components", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void answersSignedMalformedJsonWith400AndReason() {
        Signed.canvas("{\"workspace_id\": ").post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("not valid JSON"));
    }

    @Test
    void answersSignedNonObjectWith400() {
        Signed.canvas("[1, 2]").post("/canvas/submit")
                .then().statusCode(400).body("error", containsString("JSON object"));
    }

    @Test
    void answersRequestWithoutWorkspaceWith400() {
        Signed.canvas("{\"contact\": {\"id\": \"c-1\", \"email\": \"sami@example.com\"}}").post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("workspace_id"));
    }

    @Test
    void answersIdsThatAreNoIntercomIdsWith400() {
        Signed.canvas("{\"workspace_id\": \"" + "w".repeat(65) + "\", \"contact\": {\"id\": \"c-1\"}}")
                .post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("workspace_id is not an Intercom id"));
        Signed.canvas("{\"workspace_id\": \"ws\", \"contact\": {\"id\": \"c 1\", \"email\": \"sami@example.com\"}}")
                .post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("contact's id is not an Intercom id"));
    }

    @ParameterizedTest(name = "id ''{0}''")
    @ValueSource(strings = { ".", ".." })
    void answersDotIdsThatAPathWouldReadAsAnotherPathWith400(String id) {
        Signed.canvas("{\"workspace_id\": \"ws\", \"contact\": {\"id\": \"" + id + "\", \"email\": \"sami@example.com\"}}")
                .post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("contact's id is not an Intercom id"));
        Signed.canvas("{\"workspace_id\": \"" + id + "\", \"contact\": {\"id\": \"c-1\"}}").post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("workspace_id is not an Intercom id"));
    }

    @Test
    void answersFieldOfWrongShapeWith400NamingTheField() {
        Signed.canvas("{\"workspace_id\": \"ws\", \"contact\": [\"not\", \"an\", \"object\"]}").post("/canvas/initialize")
                .then().statusCode(400).body("error", containsString("contact"));
    }

    @Test
    void answersEmptyBodyWith400() {
        Signed.canvas("").post("/canvas/initialize").then().statusCode(400);
    }
}
