package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Removing a tag from a conversation on behalf of an admin. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class ConversationTagTest extends AppTest {

    private static final String WORKSPACE_ID = "w-tags";

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    private Workspace workspace() {
        return installed(WORKSPACE_ID);
    }

    @Test
    void removesTheTagNamingTheAdmin() {
        intercom.stubFor(delete("/conversations/64619700005694/tags/7522907")
                .willReturn(okJson("{\"type\":\"tag\",\"id\":\"7522907\",\"name\":\"Sync now\"}")));

        client.removeConversationTag(workspace(), "64619700005694", "7522907", "991267622");

        intercom.verify(deleteRequestedFor(urlEqualTo("/conversations/64619700005694/tags/7522907"))
                .withHeader("Intercom-Version", equalTo("2.16"))
                .withHeader("Authorization", equalTo("Bearer " + IntercomStub.TOKEN))
                .withRequestBody(equalToJson("{\"admin_id\":\"991267622\"}")));
    }

    @Test
    void tagAlreadyGoneIsFine() {
        intercom.stubFor(delete("/conversations/1/tags/2").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"type": "error.list", "errors": [{"code": "tag_not_found", "message": "Tag not found"}]}
                        """)));

        assertThatCode(() -> client.removeConversationTag(workspace(), "1", "2", "991267622")).doesNotThrowAnyException();
    }

    @Test
    void failingRemovalSaysSo() {
        intercom.stubFor(delete("/conversations/1/tags/2").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client.removeConversationTag(workspace(), "1", "2", "991267622"))
                .isInstanceOf(IntercomException.Unavailable.class)
                .hasMessage("tag removal answered HTTP 502");
    }
}
