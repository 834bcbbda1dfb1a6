package app.carepanel.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.Signed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every panel answer leaves a row saying who saw which record and how; the trail is read back as CSV. */
@QuarkusTest
class AccessAuditTest extends AppTest {

    private static final String TOKEN = "Bearer test-sync-token";

    @Inject
    AuditRetention retention;

    private List<AccessRecord> rows() {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessRecord.<AccessRecord>find("workspaceId = ?1 order by id", CanvasPayloads.WORKSPACE).list());
    }

    @Test
    void recordsEveryAnswerWithIdsAndWordsOnly() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "nobody@example.com");

        Signed.canvas(CanvasPayloads.initialize("c-1", "sami@example.com")).post("/canvas/initialize").then().statusCode(200);
        Signed.canvas(CanvasPayloads.initialize("c-1", "sami@example.com")).post("/canvas/initialize").then().statusCode(200);
        Signed.canvas(CanvasPayloads.submit("c-1", "sami@example.com", "refresh", "summary")).post("/canvas/submit").then().statusCode(200);
        Signed.canvas(CanvasPayloads.submit("c-1", "sami@example.com", "show-all", "summary")).post("/canvas/submit").then().statusCode(200);
        Signed.canvas(CanvasPayloads.initialize("c-2", "nobody@example.com")).post("/canvas/initialize").then().statusCode(200);
        Signed.canvas(CanvasPayloads.initialize("c-3", "support@practice.example")).post("/canvas/initialize").then().statusCode(200);

        List<AccessRecord> rows = rows();
        assertThat(rows).extracting(row -> row.action + "/" + row.outcome + "/" + row.clientIds).containsExactly(
                "view/shown/4719854", "view/cached/4719854", "refresh/shown/4719854", "show all/cached/4719854",
                "view/no account/null", "view/excluded/null");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.adminId).isEqualTo("814860");
            assertThat(row.at).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
            assertThat(String.join("|", row.workspaceId, row.contactId, String.valueOf(row.clientIds), row.action,
                    row.outcome)).doesNotContainIgnoringCase("sami").doesNotContain("@").doesNotContain("Ruhsuf");
        });
        assertThat(rows).extracting(row -> row.contactId).containsExactly("c-1", "c-1", "c-1", "c-1", "c-2", "c-3");
    }

    @Test
    void answersTheTrailAsCsvOldestFirst() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        Signed.canvas(CanvasPayloads.initialize("c-1", "sami@example.com")).post("/canvas/initialize").then().statusCode(200);
        Signed.canvas(CanvasPayloads.submit("c-1", "sami@example.com", "show-all", "summary")).post("/canvas/submit").then().statusCode(200);

        var response = given().header("Authorization", TOKEN).queryParam("workspace_id", CanvasPayloads.WORKSPACE)
                .get("/audit/access");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String[] lines = response.asString().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("time,workspace_id,admin_id,contact_id,client_ids,action,outcome");
        assertThat(lines[1]).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z,ws-test,814860,c-1,4719854,view,shown");
        assertThat(lines[2]).endsWith(",show all,cached");
    }

    @Test
    void quotesAFieldThatHoldsACommaOrAQuote() {
        QuarkusTransaction.requiringNew().run(() -> {
            AccessRecord row = row(Instant.parse("2026-02-01T10:00:00Z"), "c-1");
            row.adminId = "a,\"b";
            row.persist();
        });

        String csv = given().header("Authorization", TOKEN).queryParam("workspace_id", "ws-bulk").get("/audit/access")
                .then().statusCode(200).extract().asString();

        assertThat(csv).isEqualTo("time,workspace_id,admin_id,contact_id,client_ids,action,outcome\r\n"
                + "2026-02-01T10:00:00Z,ws-bulk,\"a,\"\"b\",c-1,,view,shown\r\n");
    }

    @Test
    void pagesThroughMoreRowsThanOneReadAndHonoursTheTimeRange() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int count = AuditCsv.PAGE * 2 + 500;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                // Pairs of rows share a time, so that the paging must order by id within one time.
                row(start.plusSeconds(i / 2), "c-" + i).persist();
            }
        });

        String all = given().header("Authorization", TOKEN).queryParam("workspace_id", "ws-bulk").get("/audit/access")
                .then().statusCode(200).extract().asString();
        String[] lines = all.split("\r\n");
        assertThat(lines).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            assertThat(lines[i + 1]).contains(",c-" + i + ",");
        }

        String range = given().header("Authorization", TOKEN).queryParam("workspace_id", "ws-bulk")
                .queryParam("from", "2026-01-01T00:00:10Z").queryParam("to", "2026-01-01T00:00:20Z")
                .get("/audit/access").then().statusCode(200).extract().asString();
        String[] inRange = range.split("\r\n");
        assertThat(inRange).hasSize(21);
        assertThat(inRange[1]).contains(",c-20,");
        assertThat(inRange[20]).contains(",c-39,");
    }

    @Test
    void refusesACallerWithoutTheTokenAndAMalformedTime() {
        given().queryParam("workspace_id", "ws-test").get("/audit/access").then().statusCode(401)
                .body("error", containsString("bearer"));
        given().header("Authorization", TOKEN).queryParam("workspace_id", "ws-test").queryParam("from", "yesterday")
                .get("/audit/access").then().statusCode(400).body("error", containsString("from"));
        given().header("Authorization", TOKEN).get("/audit/access").then().statusCode(400)
                .body("error", containsString("workspace_id"));
    }

    @Test
    void purgesRowsOlderThanTheRetentionOfSixYears() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            row(now.minus(365L * 6 + 10, ChronoUnit.DAYS), "c-old").persist();
            row(now.minus(365L * 5, ChronoUnit.DAYS), "c-kept").persist();
        });

        assertThat(retention.purge()).isEqualTo(1);

        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>find("workspaceId", "ws-bulk")
                .list().stream().map(row -> row.contactId).toList())).containsExactly("c-kept");
    }

    @Test
    void readsTheRetentionAsAPeriodOrADuration() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(AuditRetention.cutoff("P6Y", now)).contains(Instant.parse("2020-11-30T12:00:00Z"));
        assertThat(AuditRetention.cutoff("PT48H", now)).contains(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(AuditRetention.cutoff("6 years", now)).isEmpty();
        assertThat(AuditRetention.cutoff("P0D", now)).isEmpty();
        assertThat(AuditRetention.problemWith("-P1Y")).hasValueSatisfying(problem -> assertThat(problem).contains("AUDIT_RETENTION"));
    }

    private static AccessRecord row(Instant at, String contactId) {
        AccessRecord row = new AccessRecord();
        row.at = at;
        row.workspaceId = "ws-bulk";
        row.adminId = "a-1";
        row.contactId = contactId;
        row.action = "view";
        row.outcome = "shown";
        return row;
    }
}
