package app.carepanel.console;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.carepanel.audit.AccessRecord;
import app.carepanel.support.AppTest;
import app.carepanel.support.Browser;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.sync.SyncJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console in a real headless Chromium, as an admin uses it: sign in with Intercom (a WireMock Intercom), see the
 * sync and retry a failure, preview the panel and press its Refresh, at 1280 px and at 375 px. Screenshots are saved
 * under {@code target/screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class ConsoleBrowserTest extends AppTest {

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
    void adminSignsInSeesAFailedSyncAndRetriesIt() {
        IntercomFixtures.attributesExist(intercom, Map.of());
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-broken")).willReturn(IntercomFixtures.json(400,
                "{\"type\": \"error.list\", \"errors\": [{\"code\": \"parameter_invalid\"}]}")));
        given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", workspace)
                .post("/sync/contacts/c-broken").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                SyncJob.<SyncJob>find("workspaceId = ?1 and contactId = ?2", workspace, "c-broken")
                        .firstResultOptional().map(job -> job.status == SyncJob.Status.FAILED).orElse(false)));

        OAuthDance.signInWith(browser, app, intercom, workspace);

        assertThat(browser.text("h1")).isEqualTo("Attribute sync");
        assertThat(browser.text("header.top")).contains(workspace, "admin-7");
        WebElement failure = browser.driver().findElement(By.xpath("//tr[td[text()='c-broken']]"));
        assertThat(failure.getText()).contains("failed", "400");
        browser.screenshot("console-sync");

        // The page refreshes its sync state in place: a new failure shows up while the page stays loaded.
        browser.driver().executeScript("window.stillTheSamePage = true;");
        intercom.stubFor(get(urlPathEqualTo("/contacts/c-broken-2")).willReturn(IntercomFixtures.json(400,
                "{\"type\": \"error.list\", \"errors\": [{\"code\": \"parameter_invalid\"}]}")));
        given().header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", workspace)
                .post("/sync/contacts/c-broken-2").then().statusCode(202);
        browser.waitFor(By.xpath("//tr[td[text()='c-broken-2']]"));
        assertThat(browser.driver().executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);

        failure = browser.driver().findElement(By.xpath("//tr[td[text()='c-broken']]"));
        failure.findElement(By.xpath(".//button[text()='Retry']")).click();

        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("The contact's sync was queued again.");
        assertThat(browser.fitsWidth()).isTrue();
        browser.resize(375, 800);
        browser.screenshot("console-sync-375");
        assertThat(browser.fitsWidth()).as("the sync page at 375 px has nothing to scroll sideways").isTrue();
    }

    @Test
    void adminPreviewsThePanelAndPressesRefresh() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        OAuthDance.signInWith(browser, app, intercom, workspace);

        browser.driver().findElement(By.linkText("Preview")).click();
        browser.waitFor(By.id("email"));
        browser.driver().findElement(By.id("email")).sendKeys("sami@example.com");
        browser.driver().findElement(By.xpath("//button[text()='Show the panel']")).click();

        WebElement panel = browser.waitFor(By.id("panel"));
        assertThat(panel.getText()).contains("Sami Ruhsuf", "Refresh");
        assertThat(panel.getSize().getWidth()).isBetween(300, 360);
        assertThat(browser.text("pre.json")).contains("\"components\"", "Sami Ruhsuf");
        browser.screenshot("console-preview");

        panel.findElement(By.xpath(".//button[text()='Refresh']")).click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(panel));
        assertThat(browser.waitFor(By.id("panel")).getText()).contains("Sami Ruhsuf");
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>list(
                "workspaceId", workspace).stream().map(row -> row.action).toList());
        assertThat(actions).containsExactly("preview", "preview");
        browser.resize(375, 800);
        browser.screenshot("console-preview-375");
        assertThat(browser.fitsWidth()).as("the preview at 375 px has nothing to scroll sideways").isTrue();
    }

    @Test
    void adminChangesTheDisplayZoneAndSeesThePanelChangeInThePreview() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        OAuthDance.signInWith(browser, app, intercom, workspace);
        browser.driver().get(app + "admin/preview?email=sami@example.com");
        assertThat(browser.waitFor(By.id("panel")).getText()).containsPattern("Updated .* (EST|EDT)");

        browser.driver().findElement(By.linkText("Settings")).click();
        WebElement zone = browser.waitFor(By.id("display_zone"));
        zone.clear();
        zone.sendKeys("Europe/Paris");
        browser.driver().findElement(By.xpath("//button[text()='Save settings']")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).startsWith("Saved.");
        browser.screenshot("console-settings");

        browser.driver().findElement(By.linkText("Preview")).click();
        browser.waitFor(By.id("email")).sendKeys("sami@example.com");
        browser.driver().findElement(By.xpath("//button[text()='Show the panel']")).click();
        assertThat(browser.waitFor(By.id("panel")).getText()).containsPattern("Updated .* (CET|CEST)");
    }
}
