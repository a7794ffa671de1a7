package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.user.Role;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep claims the top lead, qualifies it with BANT, promotes it to SQL, and disqualifies another. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesQualificationBrowserTest {

    private static final String PASSWORD = "closer-password-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeadCapture capture;

    private ChromeDriver browser;
    private long second;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("closer", PASSWORD, Role.SALES);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Founder (+30) and head (+25) of an enterprise (+25) from paid search (+10): above every other test lead.
        capture.capture(new LeadProfile(
                "Top Founder",
                new EmailAddress("top-" + tag + "@bigco.com"),
                "BigCo",
                "Founder and Head of Sales",
                5000,
                "BR",
                "paid_search",
                Map.of()));
        second = capture.capture(new LeadProfile(
                        "Second Director",
                        new EmailAddress("second-" + tag + "@midco.com"),
                        "MidCo",
                        "Director of Operations",
                        2000,
                        "BR",
                        "paid_search",
                        Map.of()))
                .id();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_rep_claims_the_top_lead_qualifies_it_and_disqualifies_another() {
        signIn();
        // The top of the ranked list (other tests' hand-raisers may fill the lane above it).
        WebElement top = browser.findElement(By.cssSelector("table.queue tbody.ranked tr"));
        assertThat(top.getText()).contains("Top Founder", "90");
        top.findElement(By.cssSelector("button")).click();
        assertThat(flash(".flash.ok")).isEqualTo("You claimed Top Founder.");

        browser.findElement(By.linkText("Top Founder")).click();
        choose("authorityStatus", "Met");
        type("authorityEvidence", "Signs contracts up to 100k");
        choose("needStatus", "Met");
        type("needEvidence", "Spreadsheets break at 5,000 leads");
        choose("timelineStatus", "Met");
        type("timelineEvidence", "Go-live before the March campaign");
        type("timelineMonths", "2");
        browser.findElement(By.cssSelector("#bant button[type=submit]")).click();
        assertThat(flash(".flash.ok")).isEqualTo("BANT saved.");
        assertThat(browser.findElement(By.cssSelector(".verdict.ok")).getText())
                .isEqualTo("Ready for SQL: the BANT policy is met.");
        Browser.screenshot(browser, "lead-bant");

        click("Promote to SQL");
        assertThat(flash(".flash.ok")).isEqualTo("Promoted Top Founder to SQL.");
        assertThat(browser.findElement(By.cssSelector(".heading .stage")).getText())
                .isEqualTo("Sales qualified");

        browser.get(url("/leads/" + second));
        click("Claim this lead");
        assertThat(flash(".flash.ok")).isEqualTo("You claimed Second Director.");
        browser.get(url("/leads/" + second));
        browser.findElement(By.xpath("//summary[text()='Disqualify']")).click();
        new Select(browser.findElement(By.id("reason"))).selectByVisibleText("No need");
        type("note", "Built their own routing");
        click("Disqualify");
        assertThat(flash(".flash.ok")).isEqualTo("Disqualified Second Director.");
        assertThat(browser.findElement(By.cssSelector(".heading .stage")).getText())
                .isEqualTo("Disqualified");
        assertThat(browser.findElement(By.cssSelector("ol.history")).getText())
                .contains("by closer: No need: Built their own routing");
    }

    /** Signs in (a rep starts on Today) and opens the sales queue from the header. */
    private void signIn() {
        Browser.signIn(browser, port, "closer", PASSWORD);
        browser.findElement(By.linkText("Sales queue")).click();
    }

    private String flash(String selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)))
                .getText();
    }

    private void click(String buttonText) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
        button.click();
        Browser.waitUntilReplaced(browser, button, Duration.ofSeconds(10));
    }

    private void choose(String id, String visibleText) {
        new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    private void type(String id, String value) {
        Browser.type(browser, id, value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
