package app.carepanel.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** Platform API answers, as the platform's JSON, and the stubs that serve them. */
public final class PlatformFixtures {

    /** One client with every field, the example row of ATTRIBUTES.md, plus a field the app does not know. */
    public static final String SAMI = """
            {"id": 4719854, "firstName": "Sami", "lastName": "Ruhsuf", "email": "sami@example.com",
             "phone": "(416) 555-0123", "status": "active", "timeZone": "America/Toronto",
             "createdAt": "2024-10-22T15:00:00Z",
             "profileUrl": "https://app.ruhcare.com/users/4719854/overview",
             "organization": {"id": 7, "name": "Ruh Care Inc", "currency": "CAD"},
             "group": "Active Therapy Clients", "tags": ["SuperBill", "Premium", "Therapy"],
             "careTeam": [{"name": "Dr. Michael Chen", "primary": false}, {"name": "Dr. Sarah Johnson", "primary": true}],
             "invoices": [{"id": 1, "status": "unpaid", "amountDue": "100.00", "currency": "CAD"},
                          {"id": 2, "status": "partially_paid", "amountDue": "50.00"},
                          {"id": 3, "status": "paid", "amountDue": "75.00"}],
             "cardOnFile": true,
             "appointments": [{"id": 11, "startsAt": "2025-12-15T19:00:00Z", "status": "occurred"},
                              {"id": 12, "startsAt": "2025-12-01T19:00:00Z", "status": "late_cancellation"},
                              {"id": 13, "startsAt": "2099-12-22T19:00:00Z", "status": "scheduled"}],
             "intakeFormsCompleted": true,
             "linkedAccounts": [{"clientId": 4719855, "name": "Jane Smith", "relationship": "Spouse"},
                                {"clientId": 4719856, "name": "Tommy Smith", "relationship": "Child"}],
             "insurance": {"provider": "not shown"}, "leadSource": "not shown"}
            """;

    /** Two accounts for one email, given in descending id order. */
    public static final String JORDAN_SECOND = """
            {"id": 131447, "firstName": "Jordan", "lastName": "Lee", "email": "jordan@example.com",
             "status": "active", "createdAt": "2025-06-02T18:30:00Z",
             "organization": {"name": "Ruh Corp", "currency": "USD"},
             "invoices": [{"id": 5, "status": "unpaid", "amountDue": "1250.50"}]}
            """;
    public static final String JORDAN_FIRST = """
            {"id": 131446, "firstName": "Jordan", "lastName": "Lee", "email": "jordan@example.com",
             "status": "archived", "createdAt": "2023-01-10T17:00:00Z",
             "organization": {"name": "Ruh Care Inc", "currency": "CAD"}}
            """;

    private PlatformFixtures() {
    }

    public static String clients(String... clients) {
        return "{\"clients\": [" + String.join(",", clients) + "]}";
    }

    public static MappingBuilder lookupOf(String email) {
        return get(urlPathEqualTo("/v1/clients")).withQueryParam("email", equalTo(email));
    }

    /** The lookups of an email the platform received, for {@code verify}. */
    public static RequestPatternBuilder lookupsOf(String email) {
        return getRequestedFor(urlPathEqualTo("/v1/clients")).withQueryParam("email", equalTo(email));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static void answer(WireMockServer platform, String email, String... clients) {
        platform.stubFor(lookupOf(email).willReturn(json(clients(clients))));
    }
}
