package app.carepanel.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A workspace the panel has never been opened in is known only from webhooks, which carry no region. When it is
 * the access token's workspace, its region comes from {@code GET /me}, so an EU workspace is written on the EU host
 * rather than refused by the US one.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(value = IntercomStub.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = IntercomStub.REGIONAL, value = "true"))
class WebhookOnlyWorkspaceTest extends AppTest {

    @Inject
    Workspaces workspaces;

    @Test
    void writesTheTokensEuWorkspaceOnTheEuHostThoughOnlyWebhooksNamedIt() {
        platform.resetAll();
        intercom.resetAll();
        reset.all();
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        intercom.stubFor(get(anyUrl()).atPriority(10).willReturn(unauthorized()));
        intercom.stubFor(put(anyUrl()).atPriority(10).willReturn(unauthorized()));
        intercom.stubFor(get("/eu/me").willReturn(okJson("""
                {"type": "admin", "id": "1", "app": {"type": "app", "id_code": "eu-space", "region": "EU"}}
                """)));
        intercom.stubFor(get(urlPathEqualTo("/eu/contacts/c-eu"))
                .willReturn(okJson(IntercomFixtures.contact("c-eu", "sami@example.com"))));
        intercom.stubFor(get(urlPathEqualTo("/eu/data_attributes")).willReturn(okJson("{\"type\": \"list\", \"data\": []}")));
        intercom.stubFor(post(urlEqualTo("/eu/data_attributes")).willReturn(okJson(
                "{\"type\": \"data_attribute\", \"name\": \"created\", \"data_type\": \"string\", \"custom\": true}")));
        intercom.stubFor(put(urlPathMatching("/eu/contacts/[^/]+")).willReturn(okJson("{\"type\": \"contact\", \"id\": \"c-eu\"}")));

        Signed.webhook(WebhookPayloads.emailUpdated("n-eu", "eu-space", "c-eu")).post("/webhooks/intercom")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                intercom.verify(1, putRequestedFor(urlPathEqualTo("/eu/contacts/c-eu"))));
        intercom.verify(0, putRequestedFor(urlPathEqualTo("/us/contacts/c-eu")));
        assertThat(workspaces.knownRegion("eu-space")).contains(Region.EU);
    }
}
