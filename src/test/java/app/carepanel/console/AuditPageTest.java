package app.carepanel.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.audit.AccessRecord;
import app.carepanel.support.AppTest;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The console's access audit page and its CSV: the signed-in workspace's rows only, filtered, paged, refused. */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class AuditPageTest extends AppTest {

    private static final String SESSION = "care_panel_admin";
    private static final Pattern CONTACT = Pattern.compile("<td class=\"contact\">([^<]*)</td>");
    private static final Pattern ADMIN = Pattern.compile("<td class=\"admin\">([^<]*)</td>");

    private String session;

    @BeforeEach
    void signIn() {
        OAuthDance.exchanges(intercom, "code-audit", "token-audit");
        OAuthDance.owns(intercom, "token-audit", workspace, "us", true);
        session = OAuthDance.signIn("code-audit").getCookie(SESSION);
        assertThat(session).isNotNull();
    }

    @Test
    void sendsAVisitorWithoutSessionToSignIn() {
        for (String path : List.of("/admin/audit", "/admin/audit.csv")) {
            Response response = given().redirects().follow(false).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.header("Location")).as(path).endsWith("/admin/sign-in");
        }
        assertThat(given().redirects().follow(false).cookie(SESSION, "forged").get("/admin/audit").statusCode())
                .isEqualTo(303);
    }

    @Test
    void showsOnlyTheSignedInWorkspacesRowsNewestFirst() {
        insert(workspace, "2026-03-01T09:00:00Z", "a-1", "c-old");
        insert(workspace, "2026-03-02T09:00:00Z", "a-1", "c-new");
        insert("ws-someone-else", "2026-03-03T09:00:00Z", "a-9", "c-theirs");

        String page = page("");

        assertThat(contacts(page)).containsExactly("c-new", "c-old");
        assertThat(page).contains("2026-03-02 09:00:00 UTC", "4719854", "shown", "Access audit")
                .doesNotContain("c-theirs").doesNotContain("Older");
        String csv = csv("");
        assertThat(csv).contains("c-old", "c-new").doesNotContain("c-theirs");
    }

    @Test
    void filtersByAdminContactAndUtcDaysWithTheToDayIncluded() {
        insert(workspace, "2026-03-01T23:59:59Z", "a-1", "c-1");
        insert(workspace, "2026-03-02T00:00:00Z", "a-2", "c-1");
        insert(workspace, "2026-03-02T23:59:59.999Z", "a-1", "c-2");
        insert(workspace, "2026-03-03T00:00:00Z", "a-1", "c-1");

        assertThat(contacts(page("?contact_id=c-1"))).hasSize(3).containsOnly("c-1");
        assertThat(admins(page("?admin_id=a-2"))).containsExactly("a-2");
        assertThat(contacts(page("?from=2026-03-02&to=2026-03-02"))).containsExactly("c-2", "c-1");
        assertThat(admins(page("?from=2026-03-02&to=2026-03-02&admin_id=a-1&contact_id=c-2"))).containsExactly("a-1");
        assertThat(contacts(page("?to=2026-03-01"))).containsExactly("c-1");
        String none = page("?contact_id=c-nobody");
        assertThat(none).contains("No row matches these filters.");
        assertThat(contacts(none)).isEmpty();
    }

    @Test
    void pagesOlderRowsFiftyAtATime() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 120; i++) {
                // Pairs of rows share a time, so that the paging must order by id within one time.
                row(workspace, start.plusSeconds(i / 2), "a-1", "c-" + i).persist();
            }
        });

        List<String> seen = new ArrayList<>();
        String page = page("?admin_id=a-1");
        int pages = 1;
        seen.addAll(contacts(page));
        while (page.contains(">Older</a>")) {
            String older = href(page, "Older");
            assertThat(older).startsWith("/admin/audit?admin_id=a-1&amp;before=");
            page = page(older.substring("/admin/audit".length()).replace("&amp;", "&"));
            assertThat(page).contains(">Newest</a>");
            seen.addAll(contacts(page));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 119; i >= 0; i--) {
            expected.add("c-" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void saysWhatIsWrongWithAFilterInsteadOfShowingRows() {
        insert(workspace, "2026-03-01T09:00:00Z", "a-1", "c-1");

        assertRefused("?contact_id=c%201", "The contact id is not an Intercom id");
        assertRefused("?admin_id=" + "a".repeat(65), "The admin id is not an Intercom id");
        assertRefused("?from=31/01/2026", "The from date is not a date");
        assertRefused("?to=2026-02-30", "The to date is not a date");
        assertRefused("?from=2026-03-02&to=2026-03-01", "The from date (2026-03-02) is after the to date (2026-03-01)");
        assertRefused("?before=yesterday", "The link to older rows is damaged");
        Response csv = given().cookie(SESSION, session).get("/admin/audit.csv?from=2026-03-02&to=2026-03-01");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.asString()).contains("is after the to date");
    }

    @Test
    void downloadsTheFilteredTrailAsTheSameCsvAsTheAuditApi() {
        insert(workspace, "2026-03-01T09:00:00Z", "a-1", "c-1");
        insert(workspace, "2026-03-02T09:00:00Z", "a,\"2", "c-2");
        insert(workspace, "2026-03-03T09:00:00Z", "a-1", "c-1");
        insert("ws-someone-else", "2026-03-02T10:00:00Z", "a-1", "c-1");

        Response all = given().cookie(SESSION, session).get("/admin/audit.csv");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).isEqualTo("attachment; filename=\"access-audit-" + workspace + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        assertThat(all.header("Cache-Control")).isEqualTo("no-store");
        String api = given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", workspace)
                .get("/audit/access").then().statusCode(200).extract().asString();
        assertThat(all.asString()).isEqualTo(api);

        assertThat(csv("?contact_id=c-1&to=2026-03-02")).isEqualTo(
                "time,workspace_id,admin_id,contact_id,client_ids,action,outcome\r\n"
                        + "2026-03-01T09:00:00Z," + workspace + ",a-1,c-1,4719854,view,shown\r\n");
        assertThat(csv("?from=2026-03-02&to=2026-03-02")).endsWith("\r\n2026-03-02T09:00:00Z," + workspace
                + ",\"a,\"\"2\",c-2,4719854,view,shown\r\n");
        assertThat(page("?contact_id=c-1&to=2026-03-02")).contains("href=\"/admin/audit.csv?contact_id=c-1&amp;to=2026-03-02\"");
    }

    private void assertRefused(String query, String sentence) {
        Response response = given().cookie(SESSION, session).urlEncodingEnabled(false).get("/admin/audit" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).as(query).contains(sentence).contains("<form");
        assertThat(contacts(response.asString())).as(query).isEmpty();
    }

    private String page(String query) {
        return given().cookie(SESSION, session).urlEncodingEnabled(false).get("/admin/audit" + query).then()
                .statusCode(200).extract().asString();
    }

    private String csv(String query) {
        return given().cookie(SESSION, session).urlEncodingEnabled(false).get("/admin/audit.csv" + query).then()
                .statusCode(200).extract().asString();
    }

    private static List<String> contacts(String page) {
        return column(CONTACT, page);
    }

    private static List<String> admins(String page) {
        return column(ADMIN, page);
    }

    private static List<String> column(Pattern cell, String page) {
        List<String> values = new ArrayList<>();
        Matcher matcher = cell.matcher(page);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String href(String page, String label) {
        Matcher matcher = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + label + "</a>").matcher(page);
        assertThat(matcher.find()).as("a link " + label).isTrue();
        return matcher.group(1);
    }

    private static void insert(String workspaceId, String at, String adminId, String contactId) {
        QuarkusTransaction.requiringNew().run(() -> row(workspaceId, Instant.parse(at), adminId, contactId).persist());
    }

    private static AccessRecord row(String workspaceId, Instant at, String adminId, String contactId) {
        AccessRecord row = new AccessRecord();
        row.at = at;
        row.workspaceId = workspaceId;
        row.adminId = adminId;
        row.contactId = contactId;
        row.clientIds = "4719854";
        row.action = "view";
        row.outcome = "shown";
        return row;
    }
}
