package app.carepanel.canvas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.carepanel.audit.AccessRecord;
import app.carepanel.link.ContactLinks;
import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Finding a client by hand from the panel and linking the contact to it: the form, the matches, each state of a
 * search, the confirmation, the linked panel, Unlink, who may do it, and the audit rows. Every canvas is checked
 * against Intercom's schema and size limit by {@link CanvasView}.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@TestProfile(NoSyncWorkers.class)
class ClientLinkPanelTest extends AppTest {

    private static final String OTHER_EMAIL = "sami.personal@example.net";

    @Inject
    ContactLinks links;

    @Inject
    WorkspaceSettings settings;

    private static CanvasView submit(String componentId, Map<String, String> inputs, Map<String, String> stored) {
        return submitAs(OTHER_EMAIL, componentId, inputs, stored);
    }

    private static CanvasView submitAs(String email, String componentId, Map<String, String> inputs,
            Map<String, String> stored) {
        String body = CanvasPayloads.submitWith("c-1", email, componentId, inputs, stored);
        return CanvasView.submitResponse(Signed.canvas(body).post("/canvas/submit").then().statusCode(200).extract().asString());
    }

    private static CanvasView search(String query) {
        return submit("search-clients", Map.of("client-query", query), Map.of("view", "summary"));
    }

    private static CanvasView initialize(String email) {
        return CanvasView.initializeResponse(Signed.canvas(CanvasPayloads.initialize("c-1", email))
                .post("/canvas/initialize").then().statusCode(200).extract().asString());
    }

    private void searchFinds(String query, String... summaries) {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).withQueryParam("q", equalTo(query))
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients(summaries))));
    }

    private void clientIs(long id, String client) {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/" + id)).willReturn(PlatformFixtures.json(client)));
    }

    private static String summary(long id, String first, String last, String email) {
        return "{\"id\": " + id + ", \"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\", \"email\": \""
                + email + "\", \"status\": \"active\", \"organization\": {\"name\": \"Ruh Care Inc\"}}";
    }

    private static List<JsonNode> items(CanvasView canvas) {
        List<JsonNode> items = new ArrayList<>();
        canvas.components().stream().filter(c -> "list".equals(c.path("type").asText()))
                .forEach(list -> list.path("items").forEach(items::add));
        return items;
    }

    private List<AccessRecord> auditRows() {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessRecord.<AccessRecord>list("workspaceId = ?1 order by id", CanvasPayloads.WORKSPACE));
    }

    @Test
    void offersFindClientWhenTheEmailMatchesNoClient() {
        PlatformFixtures.answer(platform, OTHER_EMAIL);
        assertThat(initialize(OTHER_EMAIL).buttonIds()).contains("find-client", "refresh");
    }

    @Test
    void offersFindClientFromShowAllWhenTheEmailMatches() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        assertThat(initialize("sami@example.com").buttonIds()).doesNotContain("find-client");
        assertThat(submitAs("sami@example.com", "show-all", Map.of(), Map.of("view", "summary")).buttonIds())
                .contains("find-client");
    }

    @Test
    void findClientShowsAnInputAndASearchButton() {
        CanvasView form = submit("find-client", Map.of(), Map.of("view", "summary"));
        assertThat(form.components()).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("input");
            assertThat(c.path("id").asText()).isEqualTo("client-query");
        });
        assertThat(form.buttonIds()).containsExactly("search-clients", "refresh");
        assertThat(form.buttonStyles()).doesNotContain("primary");
    }

    @Test
    void listsTenMatchesWithTheirIdsAndMaskedEmailsWithinIntercomsLimits() {
        String[] many = new String[10];
        for (int i = 0; i < 10; i++) {
            many[i] = summary(4719854L + i, "Sami", "Ruhsuf " + "x".repeat(300), "sami" + i + "@example.com");
        }
        searchFinds("Sami", many);

        CanvasView matches = search("Sami");

        List<JsonNode> items = items(matches);
        assertThat(items).hasSize(10);
        JsonNode first = items.get(0);
        assertThat(first.path("id").asText()).isEqualTo("pick-client-4719854");
        assertThat(first.path("subtitle").asText()).isEqualTo("Client 4719854 · Active · Ruh Care Inc");
        assertThat(first.path("tertiary_text").asText()).isEqualTo("s•••@example.com");
        assertThat(first.path("action").path("type").asText()).isEqualTo("submit");
        assertThat(matches.toString()).doesNotContain("sami0@example.com");
        assertThat(matches.texts("muted")).anySatisfy(t -> assertThat(t).contains("10 clients match"));
    }

    @Test
    void saysSoWhenNoClientMatches() {
        searchFinds("Nobody");
        CanvasView canvas = search("Nobody");
        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).startsWith("No client matches that search"));
        assertThat(items(canvas)).isEmpty();
    }

    @Test
    void saysSoInAPlainSentenceWhenThePlatformFails() {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search")).willReturn(aResponse().withStatus(500)));
        CanvasView canvas = search("Sami");
        assertThat(canvas.texts("error")).isEmpty();
        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).contains("did not answer the search"));
    }

    @Test
    void saysToWaitWhenThePlatformRefusesTheSearchWith429AndDoesNotRetry() {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/search"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        CanvasView canvas = search("Sami");
        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).contains("too many searches"));
        platform.verify(1, getRequestedFor(urlPathEqualTo("/v1/clients/search")));
    }

    @Test
    void refusesQueriesTooShortTooLongOrWithControlCharactersWithoutAskingThePlatform() {
        assertThat(search("S").texts("muted")).anySatisfy(t -> assertThat(t).contains("at least 2 characters"));
        assertThat(search("x".repeat(101)).texts("muted")).anySatisfy(t -> assertThat(t).contains("at most 100"));
        assertThat(search("Sami\nRuhsuf").texts("muted")).anySatisfy(t -> assertThat(t).contains("control characters"));
        assertThat(search("  ").texts("muted")).anySatisfy(t -> assertThat(t).contains("Type a name"));
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void choosingAMatchAsksOnceMoreBeforeLinking() {
        CanvasView confirm = submit("pick-client-4719854", Map.of(),
                Map.of("view", "summary", "name-4719854", "Sami Ruhsuf"));
        assertThat(confirm.allText()).contains("Link this conversation's contact to Sami Ruhsuf, client 4719854?");
        assertThat(confirm.buttonIds()).containsExactly("link-client-4719854", "refresh");
        assertThat(links.of(CanvasPayloads.WORKSPACE, "c-1")).isEmpty();
    }

    @Test
    void linkingShowsThatClientsPanelAndSaysWhoLinkedIt() {
        clientIs(4719854L, PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, OTHER_EMAIL);

        CanvasView linked = submit("link-client-4719854", Map.of(), Map.of("view", "summary"));

        assertThat(linked.texts("header")).contains("Sami Ruhsuf");
        assertThat(linked.texts("muted")).anySatisfy(t ->
                assertThat(t).matches("Linked by hand to client 4719854 by Casey Teammate on [A-Z][a-z]{2} \\d{1,2}, \\d{4}\\."));
        assertThat(linked.buttonIds()).contains("unlink-client");
        Optional<ContactLinks.Link> link = links.of(CanvasPayloads.WORKSPACE, "c-1");
        assertThat(link).get().satisfies(l -> {
            assertThat(l.clientId()).isEqualTo(4719854L);
            assertThat(l.linkedBy()).isEqualTo("814860");
        });

        // Opened again later, the contact is still its linked client's, though its email matches none.
        assertThat(initialize(OTHER_EMAIL).texts("header")).contains("Sami Ruhsuf");
    }

    @Test
    void aLinkedContactWhoseEmailMatchesOthersShowsTheLinkedClientFirstAndSaysSo() {
        clientIs(4719854L, PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "jordan@example.com", PlatformFixtures.JORDAN_FIRST, PlatformFixtures.JORDAN_SECOND);
        links.link(CanvasPayloads.WORKSPACE, "c-1", 4719854L, "814860", "Casey Teammate");

        CanvasView canvas = initialize("jordan@example.com");

        assertThat(canvas.texts("header")).containsExactly("Sami Ruhsuf");
        assertThat(canvas.texts("muted").get(0)).contains("also matches 2 other platform accounts");
    }

    @Test
    void aLinkedClientGoneFromThePlatformIsSaidSoWithUnlink() {
        platform.stubFor(get(urlPathEqualTo("/v1/clients/999")).willReturn(aResponse().withStatus(404)));
        links.link(CanvasPayloads.WORKSPACE, "c-1", 999L, "814860", null);

        CanvasView canvas = initialize(OTHER_EMAIL);

        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).contains("Client 999, linked by hand, is not on "
                + "the platform any more")).anySatisfy(t -> assertThat(t).contains("by teammate 814860 on"));
        assertThat(canvas.buttonIds()).contains("unlink-client");
        platform.verify(1, getRequestedFor(urlPathEqualTo("/v1/clients/999")));
    }

    @Test
    void unlinkingShowsThePanelByEmailAgain() {
        PlatformFixtures.answer(platform, OTHER_EMAIL);
        links.link(CanvasPayloads.WORKSPACE, "c-1", 4719854L, "814860", "Casey Teammate");

        CanvasView canvas = submit("unlink-client", Map.of(), Map.of("view", "summary"));

        assertThat(canvas.texts("muted")).anySatisfy(t -> assertThat(t).contains("No platform account"));
        assertThat(links.of(CanvasPayloads.WORKSPACE, "c-1")).isEmpty();
    }

    @Test
    void aTeammateOutsideTheAllowedTeamsCanNeitherSearchNorLink() {
        settings.change(CanvasPayloads.WORKSPACE, "test-admin", Map.of(Setting.ALLOWED_TEAMS, Optional.of("9999")));
        searchFinds("Sami", summary(4719854L, "Sami", "Ruhsuf", "sami@example.com"));

        assertThat(search("Sami").allText()).anySatisfy(t -> assertThat(t).contains("do not have access"));
        assertThat(submit("link-client-4719854", Map.of(), Map.of("view", "summary")).allText())
                .anySatisfy(t -> assertThat(t).contains("do not have access"));
        assertThat(platform.getAllServeEvents()).isEmpty();
        assertThat(links.of(CanvasPayloads.WORKSPACE, "c-1")).isEmpty();
    }

    @Test
    void recordsSearchLinkAndUnlinkInTheAccessAuditWithoutTheQuery() {
        searchFinds("Ruhsuf", summary(4719854L, "Sami", "Ruhsuf", "sami@example.com"));
        clientIs(4719854L, PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, OTHER_EMAIL);

        search("Ruhsuf");
        submit("link-client-4719854", Map.of(), Map.of("view", "summary"));
        submit("unlink-client", Map.of(), Map.of("view", "summary"));

        List<AccessRecord> rows = auditRows();
        assertThat(rows).extracting(r -> r.action).containsExactly("search", "link", "unlink");
        assertThat(rows).extracting(r -> r.outcome).containsExactly("found", "linked", "unlinked");
        assertThat(rows).extracting(r -> r.clientIds).containsExactly("4719854", "4719854", "4719854");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.adminId).isEqualTo("814860");
            assertThat(r.contactId).isEqualTo("c-1");
            assertThat(r.toString() + r.outcome + r.clientIds).doesNotContainIgnoringCase("ruhsuf");
        });
    }
}
