package app.carepanel.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** {@code POST /sync/contacts/{id}} for Intercom workflows, and {@code GET /sync/status}. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class SyncApiTest extends AppTest {

    private static final String TOKEN = "test-sync-token";

    @Inject
    app.carepanel.intercom.AccessTokenOwner tokenOwner;

    @Inject
    SyncJobs jobs;

    @BeforeEach
    void blankState() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, "c-api", "sami@example.com");
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
        intercom.stubFor(get(urlEqualTo("/me")).willReturn(IntercomFixtures.json(200,
                "{\"type\":\"admin\",\"id\":\"1\",\"app\":{\"type\":\"app\",\"id_code\":\"ws-api\",\"region\":\"US\"}}")));
    }

    /** Authorised, and in this test's own workspace so that no other test's work can reach it. */
    private RequestSpecification authorised() {
        return given().header("Authorization", "Bearer " + TOKEN).queryParam("workspace_id", workspace);
    }

    @Test
    void refusesCallWithoutBearerToken() {
        given().post("/sync/contacts/c-api").then().statusCode(401).body("error", containsString("missing bearer token"));
        given().get("/sync/status").then().statusCode(401);
    }

    @Test
    void refusesCallWithWrongBearerToken() {
        given().header("Authorization", "Bearer not-it").post("/sync/contacts/c-api")
                .then().statusCode(401).body("error", containsString("wrong bearer token"));
    }

    @Test
    void refusesAContactIdThatIsNoIntercomIdWith400() {
        long before = QuarkusTransaction.requiringNew().call(() -> SyncJob.count());
        authorised().post("/sync/contacts/" + "c".repeat(65)).then().statusCode(400)
                .body("error", containsString("the contact id is not an Intercom id"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> SyncJob.count())).isEqualTo(before);
    }

    @Test
    void queuesTheContactAndAnswers202() {
        authorised().post("/sync/contacts/c-api").then().statusCode(202).body("status", equalTo("queued"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo("c-api"))).hasSize(1));
    }

    @Test
    void waitsForTheWriteAndReturnsTheWrittenAttributes() {
        authorised().queryParam("wait", true).post("/sync/contacts/c-api")
                .then().statusCode(200)
                .body("status", equalTo("written"))
                .body("attributes.'Client ID'", equalTo("4719854"))
                .body("attributes.'Unpaid Invoices'", equalTo("Yes, CAD$150 due"))
                .body("attributes.sessions_count", equalTo(2));
    }

    @Test
    void asksThePlatformAgainRatherThanUsingThePanelsCache() {
        authorised().queryParam("wait", true).post("/sync/contacts/c-api").then().statusCode(200);
        authorised().queryParam("wait", true).post("/sync/contacts/c-api").then().statusCode(200)
                .body("status", equalTo("unchanged"));
        platform.verify(2, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void usesTheWorkspaceOfTheAccessTokenWhenNoneIsGiven() {
        given().header("Authorization", "Bearer " + TOKEN).queryParam("wait", true).post("/sync/contacts/c-api")
                .then().statusCode(200).body("status", equalTo("written"));
        String tokenWorkspace = tokenOwner.owner().workspaceId();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                assertThat(jobs.of(tokenWorkspace, "c-api")).isPresent());
    }

    @Test
    void saysWhenTheWriteFailedForGood() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-api")).willReturn(IntercomFixtures.json(400,
                "{\"type\":\"error.list\",\"errors\":[{\"code\":\"parameter_invalid\",\"message\":\"bad\"}]}")));
        authorised().queryParam("wait", true).post("/sync/contacts/c-api")
                .then().statusCode(200).body("status", equalTo("failed")).body("reason", containsString("400"));
    }

    @Test
    void statusShowsCountsFailuresAndRateLimits() {
        intercom.stubFor(put(urlPathEqualTo("/contacts/c-api")).willReturn(aResponse().withStatus(500)));
        authorised().post("/sync/contacts/c-api").then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                authorised().get("/sync/status").then().statusCode(200).body("failed", equalTo(1)));

        authorised().get("/sync/status").then().statusCode(200)
                .body("pending", greaterThanOrEqualTo(0))
                .body("running", greaterThanOrEqualTo(0))
                .body("lastFailures.contactId", hasItem("c-api"))
                .body("lastFailures.find { it.contactId == 'c-api' }.reason", containsString("500"))
                .body("rateLimits.workspaceId", hasItem(workspace))
                .body("rateLimits[0].windowBudget", notNullValue());
    }

}
