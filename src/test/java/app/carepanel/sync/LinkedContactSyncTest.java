package app.carepanel.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.link.ContactLinks;
import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sync of a contact linked by hand, with the workers running: it writes its client's attributes (fetched by
 * id), whatever its email; linking and unlinking from the panel re-sync it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class LinkedContactSyncTest extends AppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String OTHER_EMAIL = "sami.personal@example.net";

    @Inject
    ContactLinks links;

    @BeforeEach
    void stubs() {
        PlatformFixtures.answer(platform, OTHER_EMAIL);
        platform.stubFor(get(urlPathEqualTo("/v1/clients/4719854")).willReturn(PlatformFixtures.json(PlatformFixtures.SAMI)));
        IntercomFixtures.contactExists(intercom, "c-1", OTHER_EMAIL);
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
    }

    private void awaitWrite(String contactId, String attribute, String value) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(intercom.findAll(IntercomFixtures.writesTo(contactId))).isNotEmpty();
            assertThat(IntercomFixtures.lastWrite(intercom, contactId)).containsEntry(attribute, value);
        });
    }

    private static void submit(String componentId) {
        Signed.canvas(CanvasPayloads.submitWith("c-1", OTHER_EMAIL, componentId, Map.of(), Map.of("view", "summary")))
                .post("/canvas/submit").then().statusCode(200);
    }

    @Test
    void writesTheLinkedClientsAttributesThoughTheEmailMatchesNone() {
        links.link(workspace, "c-1", 4719854L, "814860", "Casey Teammate");

        Signed.webhook(WebhookPayloads.clientReplied("n-" + workspace, workspace, "conv-1", "c-1"))
                .post("/webhooks/intercom").then().statusCode(200);

        awaitWrite("c-1", "Client ID", "4719854");
        assertThat(IntercomFixtures.lastWrite(intercom, "c-1")).containsEntry("Platform Account Exists", "Yes")
                .containsEntry("Name", "Sami Ruhsuf").containsEntry("Multiple Accounts", "No")
                .containsEntry("platform_account_exists", true);
        platform.verify(0, PlatformFixtures.lookupsOf(OTHER_EMAIL));
        platform.verify(getRequestedFor(urlPathEqualTo("/v1/clients/4719854")));
    }

    @Test
    void linkingFromThePanelWritesTheClientsAttributes() {
        submit("link-client-4719854");

        awaitWrite("c-1", "Client ID", "4719854");
        assertThat(IntercomFixtures.lastWrite(intercom, "c-1")).containsEntry("Platform Account Exists", "Yes");
    }

    @Test
    void unlinkingFromThePanelWritesTheContactByItsEmailAgain() {
        links.link(CanvasPayloads.WORKSPACE, "c-1", 4719854L, "814860", "Casey Teammate");

        submit("unlink-client");

        awaitWrite("c-1", "Platform Account Exists", "No");
        assertThat(IntercomFixtures.lastWrite(intercom, "c-1")).containsEntry("Client ID", "-").containsEntry("Name", "-");
    }
}
