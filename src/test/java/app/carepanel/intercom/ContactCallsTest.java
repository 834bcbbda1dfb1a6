package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;

import app.carepanel.intercom.IntercomClient.ContactLookup;
import app.carepanel.intercom.IntercomClient.ContactWrite;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import app.carepanel.platform.Client;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Reading and writing one contact, and what each answer of Intercom becomes. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class ContactCallsTest extends AppTest {

    private static final String CONTACT = """
            {"type": "contact", "id": "c-1", "role": "user", "email": "sami@example.com"}
            """;

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    @Test
    void sendsTheBearerTokenAndTheApiVersion() {
        intercom.stubFor(get("/contacts/c-1").willReturn(okJson(CONTACT)));

        ContactLookup lookup = client.getContact(installed("w-headers"), "c-1");

        assertThat(lookup).isEqualTo(new ContactLookup.Found(new IntercomContact("c-1", "sami@example.com", "user")));
        intercom.verify(getRequestedFor(urlEqualTo("/contacts/c-1"))
                .withHeader("Authorization", equalTo("Bearer " + IntercomStub.TOKEN))
                .withHeader("Intercom-Version", equalTo("2.16")));
    }

    @Test
    void writesCustomAttributesIncludingNullsThatClearThem() {
        intercom.stubFor(put("/contacts/c-1").willReturn(okJson(CONTACT)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Client ID", "4719854");
        attributes.put("unpaid_balance", 150.5);
        attributes.put("Therapist", null);

        ContactWrite write = client.updateCustomAttributes(installed("w-write"), "c-1", attributes);

        assertThat(write).isEqualTo(new ContactWrite.Written());
        intercom.verify(putRequestedFor(urlEqualTo("/contacts/c-1"))
                .withHeader("Intercom-Version", equalTo("2.16"))
                .withRequestBody(equalToJson("""
                        {"custom_attributes": {"Client ID": "4719854", "unpaid_balance": 150.5, "Therapist": null}}
                        """)));
    }

    @Test
    void missingContactIsNotFound() {
        intercom.stubFor(get("/contacts/gone").willReturn(aResponse().withStatus(404)));
        intercom.stubFor(put("/contacts/gone").willReturn(aResponse().withStatus(404)));
        Workspace workspace = installed("w-404");

        assertThat(client.getContact(workspace, "gone")).isEqualTo(new ContactLookup.NotFound());
        assertThat(client.updateCustomAttributes(workspace, "gone", Map.of("Client ID", "1")))
                .isEqualTo(new ContactWrite.NotFound());
    }

    @Test
    void mergedContactPointsToItsCanonicalContact() {
        intercom.stubFor(get("/contacts/old").willReturn(aResponse().withStatus(410)
                .withHeader("Link", "</contacts/6762f0d01bb69f9f2193bb7d>; rel=\"canonical\"")
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"type": "error.list", "errors": [{"code": "contact_merged", "message": "See the Link header"}]}
                        """)));
        intercom.stubFor(put("/contacts/old").willReturn(aResponse().withStatus(410)
                .withHeader("Link", "<https://api.intercom.io/contacts/c-new>; rel=\"canonical\"")));
        Workspace workspace = installed("w-410");

        assertThat(client.getContact(workspace, "old")).isEqualTo(new ContactLookup.Merged("6762f0d01bb69f9f2193bb7d"));
        assertThat(client.updateCustomAttributes(workspace, "old", Map.of("Client ID", "1")))
                .isEqualTo(new ContactWrite.Merged("c-new"));
    }

    @Test
    void mergedAnswerWithoutCanonicalLinkIsRejected() {
        intercom.stubFor(get("/contacts/old").willReturn(aResponse().withStatus(410)));
        intercom.stubFor(put("/contacts/old")
                .willReturn(aResponse().withStatus(410).withHeader("Link", "</somewhere/else>; rel=\"canonical\"")));
        Workspace workspace = installed("w-410-bare");

        assertThatThrownBy(() -> client.getContact(workspace, "old"))
                .isInstanceOfSatisfying(IntercomException.Rejected.class, e -> assertThat(e.status()).isEqualTo(410));
        assertThatThrownBy(() -> client.updateCustomAttributes(workspace, "old", Map.of("Client ID", "1")))
                .isInstanceOf(IntercomException.Rejected.class);
    }

    @Test
    void refusedTokenIsRememberedForTheWorkspace() {
        intercom.stubFor(get("/contacts/c-1").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"type": "error.list", "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]}
                        """)));

        assertThatThrownBy(() -> client.getContact(installed("w-401"), "c-1"))
                .isInstanceOf(IntercomException.TokenRefused.class)
                .hasMessage("contact lookup answered HTTP 401");
        assertThat(workspaces.isTokenRefused("w-401")).isTrue();
        assertThat(workspaces.isTokenRefused("w-other")).isFalse();
    }

    @Test
    void serverErrorIsUnavailable() {
        intercom.stubFor(put("/contacts/c-1").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.updateCustomAttributes(installed("w-5xx"), "c-1", Map.of("Name", "Sami")))
                .isInstanceOf(IntercomException.Unavailable.class)
                .hasMessage("contact update answered HTTP 503");
    }

    @Test
    void otherClientErrorIsRejectedWithItsStatus() {
        intercom.stubFor(put("/contacts/c-1").willReturn(aResponse().withStatus(422)));

        assertThatThrownBy(() -> client.updateCustomAttributes(installed("w-4xx"), "c-1", Map.of("Name", "Sami")))
                .isInstanceOfSatisfying(IntercomException.Rejected.class, e -> assertThat(e.status()).isEqualTo(422))
                .message().doesNotContain("Sami");
    }

    @Test
    void slowAnswerIsUnavailable() {
        int longerThanTheReadTimeout = (int) IntercomStub.READ_TIMEOUT_MILLIS * 3;
        intercom.stubFor(get("/contacts/c-1").willReturn(okJson(CONTACT).withFixedDelay(longerThanTheReadTimeout)));

        assertThatThrownBy(() -> client.getContact(installed("w-slow"), "c-1"))
                .isInstanceOf(IntercomException.Unavailable.class)
                .hasMessageStartingWith("contact lookup failed");
    }

    @Test
    void droppedConnectionIsUnavailable() {
        intercom.stubFor(get("/contacts/c-1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.getContact(installed("w-reset"), "c-1"))
                .isInstanceOf(IntercomException.Unavailable.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void answerBrokenMidBodyIsUnavailable(Fault fault) {
        intercom.stubFor(get("/contacts/c-1").willReturn(aResponse().withFault(fault)));

        assertThatThrownBy(() -> client.getContact(installed("w-broken"), "c-1"))
                .isInstanceOf(IntercomException.Unavailable.class);
    }

    @Test
    void unreadableAnswerIsUnavailable() {
        intercom.stubFor(get("/contacts/c-1").willReturn(okJson("{\"id\": ")));

        assertThatThrownBy(() -> client.getContact(installed("w-garbled"), "c-1"))
                .isInstanceOf(IntercomException.Unavailable.class)
                .hasMessage("contact lookup answered unreadable JSON");
    }

    @ParameterizedTest(name = "id ''{0}''")
    @ValueSource(strings = { ".", ".." })
    void refusesAnIdThatWouldNameAnotherPathWithoutCallingIntercom(String id) {
        assertThatThrownBy(() -> client.updateCustomAttributes(installed("w-dots"), id, Map.of("Name", "Sami")))
                .isInstanceOf(IntercomException.Rejected.class);
        assertThatThrownBy(() -> client.removeConversationTag(installed("w-dots"), id, "t-1", "admin-5"))
                .isInstanceOf(IntercomException.Rejected.class);
        assertThatThrownBy(() -> client.removeConversationTag(installed("w-dots"), "conv-1", id, "admin-5"))
                .isInstanceOf(IntercomException.Rejected.class);
        assertThat(intercom.getAllServeEvents()).isEmpty();
    }

    @Test
    void sendsEveryOtherIdAsOneEncodedPathSegment() {
        intercom.stubFor(get(urlEqualTo("/contacts/a%2F..%2Fb%3Fc%23d")).willReturn(okJson(CONTACT)));

        assertThat(client.getContact(installed("w-encoded"), "a/../b?c#d")).isInstanceOf(ContactLookup.Found.class);
    }
}
