package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import app.carepanel.intercom.IntercomClient.DataAttribute;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import app.carepanel.platform.Client;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Listing the workspace's contact attributes and creating the custom ones the sync writes. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class DataAttributeCallsTest extends AppTest {

    private static final String WORKSPACE_ID = "w-attributes";

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"type": "error.list", "request_id": "r-1", "errors": [{"code": "%s", "message": "%s"}]}
                """.formatted(code, message));
    }

    private Workspace workspace() {
        return installed(WORKSPACE_ID);
    }

    @Test
    void listsContactAttributesWithTypeAndWhetherCustom() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(okJson("""
                {"type": "list", "data": [
                  {"type": "data_attribute", "name": "email", "full_name": "email", "data_type": "string",
                   "custom": false, "model": "contact"},
                  {"type": "data_attribute", "id": 34, "name": "Client ID", "full_name": "custom_attributes.Client ID",
                   "data_type": "string", "custom": true, "archived": false, "model": "contact"},
                  {"type": "data_attribute", "id": 35, "name": "unpaid_balance", "data_type": "float",
                   "custom": true, "model": "contact"}]}
                """)));

        assertThat(client.listContactAttributes(workspace())).containsExactly(
                new DataAttribute("email", "string", false),
                new DataAttribute("Client ID", "string", true),
                new DataAttribute("unpaid_balance", "float", true));
        intercom.verify(getRequestedFor(urlEqualTo("/data_attributes?model=contact"))
                .withHeader("Authorization", equalTo("Bearer " + IntercomStub.TOKEN)));
    }

    @Test
    void createsACustomContactAttribute() {
        intercom.stubFor(post("/data_attributes").willReturn(okJson("""
                {"id": 37, "type": "data_attribute", "name": "Client ID", "full_name": "custom_attributes.Client ID",
                 "data_type": "string", "custom": true, "model": "contact"}
                """)));

        DataAttribute created = client.createContactAttribute(workspace(), "Client ID", "string", "Id on the care platform");

        assertThat(created).isEqualTo(new DataAttribute("Client ID", "string", true));
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(equalToJson("""
                {"name": "Client ID", "model": "contact", "data_type": "string", "description": "Id on the care platform"}
                """)));
    }

    @Test
    void workspaceAtItsAttributeCapIsToldApart() {
        intercom.stubFor(post("/data_attributes")
                .willReturn(error(422, "parameter_invalid", "You have reached the limit of 250 custom attributes")));

        assertThatThrownBy(() -> client.createContactAttribute(workspace(), "Client ID", "string", null))
                .isInstanceOf(AttributeLimitReached.class)
                .hasMessageContaining("HTTP 422");
    }

    @Test
    void capReportedAsA400WithALimitCodeIsToldApartToo() {
        intercom.stubFor(post("/data_attributes").willReturn(error(400, "custom_attribute_limit_reached", "Too many")));

        assertThatThrownBy(() -> client.createContactAttribute(workspace(), "Client ID", "string", null))
                .isInstanceOf(AttributeLimitReached.class);
    }

    @Test
    void otherRefusalOfANewAttributeIsRejected() {
        intercom.stubFor(post("/data_attributes")
                .willReturn(error(400, "parameter_invalid", "You already have 'Client ID' in your company data.")));

        assertThatThrownBy(() -> client.createContactAttribute(workspace(), "Client ID", "string", null))
                .isInstanceOfSatisfying(IntercomException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
