package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Finding every Intercom contact (users and leads) with an email, page after page. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class ContactSearchTest extends AppTest {

    private static final String EMAIL = "jordan.lee@example.com";
    private static final String WORKSPACE_ID = "w-search";

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    /** A page of results; {@code next} is the cursor of the next page, null on the last. */
    private static String page(String next, String... contacts) {
        String nextPage = next == null ? "" : """
                , "next": {"per_page": 150, "starting_after": "%s"}""".formatted(next);
        return """
                {"type": "list", "total_count": 3, "data": [%s],
                 "pages": {"type": "pages", "per_page": 150, "total_pages": 2%s}}
                """.formatted(String.join(",", contacts), nextPage);
    }

    private static String contact(String id, String role) {
        return """
                {"type": "contact", "id": "%s", "role": "%s", "email": "%s"}""".formatted(id, role, EMAIL);
    }

    private static String searchBody(String pagination) {
        return """
                {"query": {"field": "email", "operator": "=", "value": "%s"}, "pagination": %s}
                """.formatted(EMAIL, pagination);
    }

    private Workspace workspace() {
        return installed(WORKSPACE_ID);
    }

    @Test
    void followsTheCursorUntilTheLastPage() {
        intercom.stubFor(post("/contacts/search").withRequestBody(notContaining("starting_after"))
                .willReturn(okJson(page("cursor-2", contact("u-1", "user"), contact("l-1", "lead")))));
        intercom.stubFor(post("/contacts/search")
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("cursor-2")))
                .willReturn(okJson(page(null, contact("u-2", "user")))));

        List<IntercomContact> found = client.findContactsByEmail(workspace(), EMAIL);

        assertThat(found).extracting(IntercomContact::id, IntercomContact::role)
                .containsExactly(tuple("u-1", "user"), tuple("l-1", "lead"), tuple("u-2", "user"));
        intercom.verify(1, postRequestedFor(urlEqualTo("/contacts/search"))
                .withRequestBody(equalToJson(searchBody("{\"per_page\": 150}"))));
        intercom.verify(1, postRequestedFor(urlEqualTo("/contacts/search"))
                .withRequestBody(equalToJson(searchBody("{\"per_page\": 150, \"starting_after\": \"cursor-2\"}"))));
        intercom.verify(2, postRequestedFor(urlEqualTo("/contacts/search")).withHeader("Intercom-Version", equalTo("2.16")));
    }

    @Test
    void findsNobodyOnAnEmptyPage() {
        intercom.stubFor(post("/contacts/search").willReturn(okJson("""
                {"type": "list", "data": [], "total_count": 0,
                 "pages": {"type": "pages", "page": 1, "per_page": 150, "total_pages": 0}}
                """)));

        assertThat(client.findContactsByEmail(workspace(), EMAIL)).isEmpty();
        intercom.verify(1, postRequestedFor(urlEqualTo("/contacts/search")));
    }

    @Test
    void stopsWhenTheCursorDoesNotMove() {
        intercom.stubFor(post("/contacts/search").willReturn(okJson(page("same", contact("u-1", "user")))));

        assertThat(client.findContactsByEmail(workspace(), EMAIL)).hasSize(2);
        intercom.verify(2, postRequestedFor(urlEqualTo("/contacts/search")));
    }

    @Test
    void failureNamesTheCallAndStatusButNotTheEmail() {
        intercom.stubFor(post("/contacts/search").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client.findContactsByEmail(workspace(), EMAIL))
                .isInstanceOf(IntercomException.Unavailable.class)
                .hasMessage("contact search answered HTTP 500");
    }
}
