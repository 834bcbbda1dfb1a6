package app.carepanel.backfill;

import static app.carepanel.backfill.BackfillFixtures.lead;
import static app.carepanel.backfill.BackfillFixtures.page;
import static app.carepanel.backfill.BackfillFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.carepanel.support.AppTest;
import app.carepanel.support.Browser;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The backfill page in a real headless Chromium: an admin signs in, starts a dry run, and watches the progress bar
 * fill and the counts come in without reloading the page. The screenshot is {@code target/screenshots/console-backfill.png}.
 */
@QuarkusTest
@QuarkusTestResource(IntercomStub.class)
class BackfillBrowserTest extends AppTest {

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
    void adminRunsADryRunAndWatchesTheBarReachTheEnd() {
        // The platform answers slowly enough (four lookups of 600 ms) for the page to show the walk under way.
        answersSlowly("sami@example.com", PlatformFixtures.SAMI);
        answersSlowly("jordan@example.com", PlatformFixtures.JORDAN_SECOND);
        answersSlowly("nobody@example.com");
        answersSlowly("nobody-else@example.com");
        page(intercom, null, "p2", 6, List.of(user("c-1", "sami@example.com"), lead("c-2", "nobody@example.com"),
                user("c-3", null)));
        page(intercom, "p2", null, 6, List.of(user("c-4", "jordan@example.com"), lead("c-5", "nobody-else@example.com"),
                user("c-6", "support@practice.example")));
        OAuthDance.signInWith(browser, app, intercom, workspace);

        browser.driver().findElement(By.linkText("Backfill")).click();
        WebElement dryRun = browser.waitFor(By.xpath("//button[text()='Dry run']"));
        dryRun.click();
        browser.waitFor(By.id("backfill-progress"));
        assertThat(browser.text("#backfill-state")).isEqualTo("Running");
        assertThat(browser.driver().findElements(By.id("backfill-cancel"))).isNotEmpty();
        // Set on the page the admin watches: a reload would lose it.
        browser.driver().executeScript("window.sameBackfillPage = true;");

        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
        wait.until(driver -> {
            WebElement bar = driver.findElement(By.id("backfill-progress"));
            return bar.getDomProperty("value") != null && bar.getDomProperty("value").equals(bar.getDomAttribute("max"));
        });
        wait.until(ExpectedConditions.textToBe(By.id("backfill-state"), "Done"));

        assertThat(browser.driver().executeScript("return window.sameBackfillPage === true;")).isEqualTo(true);
        assertThat(browser.text("#backfill-percent")).isEqualTo("100 %");
        assertThat(browser.text("label[for=backfill-progress]")).startsWith("Progress of Dry run #");
        assertThat(count("seen")).isEqualTo("6");
        assertThat(count("would_write")).isEqualTo("2");
        assertThat(count("no_account")).isEqualTo("2");
        assertThat(count("excluded_or_invalid_email")).isEqualTo("2");
        assertThat(browser.text("#backfill-time")).isEqualTo("Finished.");
        assertThat(browser.driver().findElements(By.id("backfill-cancel"))).isEmpty();
        assertThat(browser.driver().findElement(By.xpath("//button[text()='Dry run']")).isEnabled()).isTrue();
        browser.screenshot("console-backfill");
        assertThat(browser.fitsWidth()).isTrue();
        browser.resize(375, 800);
        browser.screenshot("console-backfill-375");
        assertThat(browser.fitsWidth()).as("the backfill page at 375 px has nothing to scroll sideways").isTrue();
    }

    private void answersSlowly(String email, String... clients) {
        platform.stubFor(PlatformFixtures.lookupOf(email).willReturn(PlatformFixtures
                .json(PlatformFixtures.clients(clients)).withFixedDelay(600)));
    }

    private String count(String key) {
        return browser.text("[data-count=" + key + "]");
    }
}
