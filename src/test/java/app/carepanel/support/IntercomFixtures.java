package app.carepanel.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** Intercom REST answers for the sync's calls. */
public final class IntercomFixtures {

    /** Every attribute the sync writes by default, with its type. */
    public static final Map<String, String> ALL_ATTRIBUTES = orderedTypes();

    private IntercomFixtures() {
    }

    private static Map<String, String> orderedTypes() {
        java.util.LinkedHashMap<String, String> types = new java.util.LinkedHashMap<>();
        for (String name : List.of("Platform Account Exists", "Client ID", "Name", "Phone Number", "Client Profile Link",
                "Client Status", "Time Zone", "Client Since", "Therapist Name", "Tags", "Group", "Unpaid Invoices",
                "Card on File", "Number of Sessions", "Last Appointment", "Next Appointment", "Intake Forms Completed",
                "Sub Org", "Multiple Accounts", "Linked Accounts", "User Data Updated On")) {
            types.put(name, "string");
        }
        types.put("next_appointment_at", "date");
        types.put("last_appointment_at", "date");
        types.put("client_since_at", "date");
        types.put("unpaid_balance", "float");
        types.put("sessions_count", "integer");
        types.put("platform_account_exists", "boolean");
        return java.util.Collections.unmodifiableMap(types);
    }

    public static String contact(String id, String email) {
        return CanvasPayloads.json(Map.of("type", "contact", "id", id, "role", "user", "email", email == null ? "" : email));
    }

    public static void contactExists(WireMockServer intercom, String id, String email) {
        intercom.stubFor(get(urlPathEqualTo("/contacts/" + id)).willReturn(json(200, contact(id, email))));
    }

    /** The workspace already has these custom attributes (name → type). */
    public static void attributesExist(WireMockServer intercom, Map<String, String> attributes) {
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(Map.of("type", "data_attribute", "name", "name", "full_name", "name", "data_type", "string",
                "custom", false, "model", "contact"));
        attributes.forEach((name, type) -> data.add(Map.of("type", "data_attribute", "name", name, "full_name",
                "custom_attributes." + name, "data_type", type, "custom", true, "model", "contact")));
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(json(200,
                CanvasPayloads.json(Map.of("type", "list", "data", data)))));
        intercom.stubFor(post(urlEqualTo("/data_attributes")).willReturn(json(200,
                "{\"type\":\"data_attribute\",\"name\":\"created\",\"data_type\":\"string\",\"custom\":true}")));
    }

    public static void writesSucceed(WireMockServer intercom) {
        intercom.stubFor(put(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/contacts/[^/]+"))
                .willReturn(json(200, "{\"type\":\"contact\",\"id\":\"x\"}")));
    }

    public static RequestPatternBuilder writesTo(String contactId) {
        return putRequestedFor(urlPathEqualTo("/contacts/" + contactId));
    }

    /** The custom attributes of the last write to the contact. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> lastWrite(WireMockServer intercom, String contactId) {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> writes = intercom.findAll(writesTo(contactId));
        if (writes.isEmpty()) {
            throw new AssertionError("no write to contact " + contactId);
        }
        try {
            Map<String, Object> body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(writes.get(writes.size() - 1).getBodyAsString(), Map.class);
            return (Map<String, Object>) body.get("custom_attributes");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
