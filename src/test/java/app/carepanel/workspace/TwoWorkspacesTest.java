package app.carepanel.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Two installed workspaces in two regions: each one's syncs go to its own region's host with its own token. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(value = IntercomStub.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = IntercomStub.REGIONAL, value = "true"))
class TwoWorkspacesTest extends AppTest {

    @Inject
    Workspaces workspaces;

    /** Intercom's host of {@code region} answers only {@code token}. */
    private void hostAnswers(String region, String token, String contactId, String email) {
        String bearer = "Bearer " + token;
        intercom.stubFor(get(urlPathEqualTo("/" + region + "/contacts/" + contactId))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(IntercomFixtures.contact(contactId, email))));
        intercom.stubFor(get(urlPathEqualTo("/" + region + "/data_attributes")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("{\"type\": \"list\", \"data\": []}")));
        intercom.stubFor(post(urlPathEqualTo("/" + region + "/data_attributes")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("{\"type\": \"data_attribute\", \"name\": \"x\", \"data_type\": \"string\", \"custom\": true}")));
        intercom.stubFor(put(urlPathEqualTo("/" + region + "/contacts/" + contactId))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("{\"type\": \"contact\", \"id\": \"" + contactId + "\"}")));
    }

    @Test
    void syncsEachWorkspaceOnItsRegionsHostWithItsOwnToken() {
        String europe = workspace + "-eu";
        String australia = workspace + "-au";
        workspaces.install(europe, Region.EU, "token-eu", "admin-1");
        workspaces.install(australia, Region.AU, "token-au", "admin-2");
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        intercom.stubFor(get(anyUrl()).atPriority(10).willReturn(unauthorized()));
        intercom.stubFor(put(anyUrl()).atPriority(10).willReturn(unauthorized()));
        intercom.stubFor(post(anyUrl()).atPriority(10).willReturn(unauthorized()));
        hostAnswers("eu", "token-eu", "c-eu", "sami@example.com");
        hostAnswers("au", "token-au", "c-au", "sami@example.com");

        Signed.webhook(WebhookPayloads.emailUpdated("n-eu-" + workspace, europe, "c-eu")).post("/webhooks/intercom")
                .then().statusCode(200);
        Signed.webhook(WebhookPayloads.emailUpdated("n-au-" + workspace, australia, "c-au")).post("/webhooks/intercom")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            intercom.verify(1, putRequestedFor(urlPathEqualTo("/eu/contacts/c-eu"))
                    .withHeader("Authorization", equalTo("Bearer token-eu")));
            intercom.verify(1, putRequestedFor(urlPathEqualTo("/au/contacts/c-au"))
                    .withHeader("Authorization", equalTo("Bearer token-au")));
        });
        intercom.verify(0, putRequestedFor(urlPathEqualTo("/us/contacts/c-eu")));
        intercom.verify(0, putRequestedFor(urlPathEqualTo("/us/contacts/c-au")));
    }
}
