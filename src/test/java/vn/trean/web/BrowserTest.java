package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.trean.ApiIntegrationTest;

/**
 * Browser tests: Debian's headless Chromium, driven through its chromedriver, against the application
 * started by the shared integration-test context, so that a test can move the engine clock as the API
 * tests do. One browser per test class; each test starts signed out.
 */
abstract class BrowserTest extends ApiIntegrationTest {

    static final String CHROMIUM = System.getProperty("trean.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("trean.chromedriver", "/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(360, 780);

    static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("trean-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the machine's network reaches package registries only: no background calls, no sandbox as root
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        // the console, to catch anything the Content-Security-Policy blocks (noContentSecurityPolicyViolations)
        var logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A page whose script or style the Content-Security-Policy blocks is broken in ways a test may not see. */
    @org.junit.jupiter.api.AfterEach
    void noContentSecurityPolicyViolations() {
        var violations = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy"))
                .toList();
        assertThat(violations).as("Content-Security-Policy violations in the browser console").isEmpty();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().window().setSize(DESKTOP);
        open("/login");
        browser.manage().deleteAllCookies();
        // no kept page, draft or unsent form of an earlier test (a registered service worker may stay: without its
        // caches it keeps nothing, and unregistering it races the next test's registration)
        ((ChromeDriver) browser).executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of(
                "origin", url(""), "storageTypes", "cache_storage,local_storage,indexeddb"));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /** Signs in through the login page and waits for the landing page. */
    protected void signIn(String username) {
        signIn(username, PASSWORD);
        assertThat(browser.getCurrentUrl()).as("signed in as %s", username).doesNotContain("/login");
    }

    protected void signIn(String username, String password) {
        open("/login");
        WebElement name = find(By.id("username"));
        name.clear();
        name.sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("form button[type=submit].primary")).click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    protected void signOut() {
        find(By.cssSelector("header form[action$='/logout'] button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
    }

    protected WebElement find(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected List<WebElement> all(By by) {
        return browser.findElements(by);
    }

    protected String text(By by) {
        return find(by).getText();
    }

    protected String pageText() {
        return find(By.tagName("body")).getText();
    }

    protected void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    /** Waits until the page shows the text: after a click the old page may still be there for a moment. */
    protected void waitForText(String expected) {
        waitFor(d -> d.findElement(By.tagName("body")).getText().contains(expected));
    }

    /** Screenshots for looking at the pages (target/screenshots), taken when -Dtrean.screenshots=true. */
    protected void screenshot(String name) {
        if (!Boolean.getBoolean("trean.screenshots")) {
            return;
        }
        Dimension size = browser.manage().window().getSize();
        try {
            // the whole page, not just the window: grow the window to the page's height for the shot
            Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(size.width, Math.min(height.intValue() + 100, 5000)));
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
