package io.leadline.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: no tool downloads a browser. When they are not
 * installed the test fails and says which packages to install (.ci/run installs them).
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LEADLINE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("LEADLINE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    static ChromeDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} (when not null) without asking. */
    static ChromeDriver start(Path downloads) {
        return start(downloads, new String[0]);
    }

    /** A browser with extra Chromium switches (such as {@code --user-agent=…}: headless Chromium names itself a robot). */
    static ChromeDriver start(Path downloads, String... switches) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "Browser tests need Chromium at " + CHROMIUM + " and chromedriver at "
                            + CHROMEDRIVER + ": install the Debian packages chromium and chromium-driver "
                            + "(apt-get install chromium chromium-driver), or set LEADLINE_CHROMIUM and LEADLINE_CHROMEDRIVER.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900");
        options.addArguments(switches);
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs in on the login page of the app at {@code port} and waits until the app has left the login page. */
    static void signIn(ChromeDriver driver, int port, String username, String password) {
        driver.get("http://localhost:" + port + "/login");
        type(driver, "username", username);
        type(driver, "password", password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Waits until the element shows the text, through the page's own refreshes (a progress page reloads itself every
     * second: an element read while the page is replaced can vanish under the driver, which is no failure).
     */
    static void waitForText(ChromeDriver driver, By element, String text, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** Replaces the text of the field with this id. */
    static void type(ChromeDriver driver, String id, String value) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Waits until the page an action answered with has replaced the one holding {@code element}: the element is
     * stale, or (mid-navigation, as Chrome reports it) a node no longer in any document.
     */
    static void waitUntilReplaced(ChromeDriver driver, WebElement element, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for people to look at. */
    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
