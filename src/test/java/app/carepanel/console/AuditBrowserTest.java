package app.carepanel.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.carepanel.audit.AccessRecord;
import app.carepanel.support.AppTest;
import app.carepanel.support.Browser;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access audit page in a real headless Chromium: an admin signs in, opens the trail, filters it by contact and
 * downloads the CSV of what the filter selects, at 1280 px and at 375 px.
 */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class AuditBrowserTest extends AppTest {

    @TestHTTPResource("/")
    URL app;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void adminFiltersTheTrailByContactAndDownloadsItsCsv() {
        insert("2026-03-01T09:00:00Z", "c-sami", "4719854", "view", "shown");
        insert("2026-03-01T10:00:00Z", "c-jordan", "4719855 4719856", "show all", "cached");
        insert("2026-03-02T11:30:00Z", "c-sami", "4719854", "refresh", "shown");
        OAuthDance.signInWith(browser, app, intercom, workspace);

        browser.driver().findElement(By.linkText("Access audit")).click();
        browser.waitFor(By.id("contact_id"));
        assertThat(browser.text("h1")).isEqualTo("Access audit");
        assertThat(cells("contact")).containsExactly("c-sami", "c-jordan", "c-sami");

        WebElement table = browser.driver().findElement(By.cssSelector("table.list"));
        browser.driver().findElement(By.id("contact_id")).sendKeys("c-sami");
        browser.driver().findElement(By.xpath("//button[text()='Filter']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(table));
        browser.waitFor(By.cssSelector("table.list"));

        assertThat(cells("contact")).containsExactly("c-sami", "c-sami");
        assertThat(cells("action")).containsExactly("refresh", "view");
        assertThat(browser.driver().findElement(By.id("contact_id")).getAttribute("value")).isEqualTo("c-sami");
        browser.screenshot("console-audit");

        String href = browser.driver().findElement(By.id("csv")).getAttribute("href");
        assertThat(href).endsWith("/admin/audit.csv?contact_id=c-sami");
        Cookie session = browser.driver().manage().getCookieNamed("care_panel_admin");
        var csv = given().cookie(session.getName(), session.getValue()).urlEncodingEnabled(false).get(href);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"access-audit-" + workspace + "-");
        assertThat(csv.asString().split("\r\n")).containsExactly(
                "time,workspace_id,admin_id,contact_id,client_ids,action,outcome",
                "2026-03-01T09:00:00Z," + workspace + ",admin-3,c-sami,4719854,view,shown",
                "2026-03-02T11:30:00Z," + workspace + ",admin-3,c-sami,4719854,refresh,shown");

        assertThat(browser.fitsWidth()).isTrue();
        browser.resize(375, 800);
        browser.screenshot("console-audit-375");
        assertThat(browser.fitsWidth()).as("the audit page at 375 px has nothing to scroll sideways").isTrue();
    }

    @Test
    void adminIsToldWhyADateRangeCannotMatch() {
        OAuthDance.signInWith(browser, app, intercom, workspace);
        browser.driver().get(app + "admin/audit?from=2026-03-02&to=2026-03-01");

        assertThat(browser.waitFor(By.id("filter-problem")).getText())
                .isEqualTo("The from date (2026-03-02) is after the to date (2026-03-01): no row can match.");
        assertThat(browser.driver().findElement(By.id("from")).getAttribute("value")).isEqualTo("2026-03-02");
        assertThat(browser.driver().findElements(By.cssSelector("table.list"))).isEmpty();
    }

    private void insert(String at, String contactId, String clientIds, String action, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccessRecord row = new AccessRecord();
            row.at = Instant.parse(at);
            row.workspaceId = workspace;
            row.adminId = "admin-3";
            row.contactId = contactId;
            row.clientIds = clientIds;
            row.action = action;
            row.outcome = outcome;
            row.persist();
        });
    }

    private List<String> cells(String column) {
        return browser.driver().findElements(By.cssSelector("table.list td." + column)).stream()
                .map(WebElement::getText).toList();
    }
}
