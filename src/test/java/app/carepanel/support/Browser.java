package app.carepanel.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} driven through Debian's {@code chromedriver}
 * (no browser download). {@code .ci/run} installs both when missing; without them the test fails and says so.
 * Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (its own empty profile: no cookies) with a window of the given width. */
    public static Browser open(int width, int height) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("The page tests need Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, or run .ci/run, which does");
        }
        try {
            Path profile = Files.createTempDirectory("care-panel-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
            // As root on a closed network: no sandbox, and none of Chromium's own background connections.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-default-apps", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().window().setSize(new Dimension(width, height));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("no temporary folder for the browser profile", e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The element once the page that has it is loaded (a click's navigation is not awaited by Selenium). */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The text of the first element the CSS selector finds on the page as it is now. */
    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** True when the page is no wider than the window: nothing to scroll sideways. */
    public boolean fitsWidth() {
        Object fits = driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png} and answers the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("the screenshot could not be saved", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A left-over temporary profile is harmless.
        }
    }
}
