package io.leadline.web.browser;

import static io.leadline.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.user.Role;
import io.leadline.persistence.scoring.JdbcScoringModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.capture.LeadEditing;
import io.leadline.web.security.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin raises the pricing-page weight, previews it, activates it, and a lead with pricing visits enters the queue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeadCapture capture;

    @Autowired
    LeadEditing editing;

    @Autowired
    RescoreJobs rescores;

    @Autowired
    JdbcScoringModels models;

    private int liveBefore;

    private ChromeDriver browser;
    private final String company = "Pricing Co " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void open() {
        accounts.createIfAbsent("model-admin", "model-admin-password", Role.ADMIN);
        liveBefore = models.active().version();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        // Other tests expect the model they found: put it back (leads they create are scored at capture).
        models.activate(liveBefore);
    }

    @Test
    void a_heavier_pricing_weight_previewed_and_activated_brings_a_lead_into_the_queue() throws Exception {
        long fan = capture.capture(new LeadProfile(
                        "Pricing Fan",
                        new EmailAddress(UUID.randomUUID() + "@pricing.example.com"),
                        company,
                        "Analyst",
                        20,
                        "BR",
                        "email",
                        Map.of()))
                .id();
        for (int i = 1; i <= 2; i++) {
            editing.logActivity(
                    fan,
                    Activity.of(ActivityType.PRICING_PAGE_VISIT, Instant.now().minusSeconds(3600L * i)),
                    null);
        }
        Browser.signIn(browser, port, "model-admin", "model-admin-password");
        browser.get("http://localhost:" + port + "/queue?company=" + company.replace(" ", "%20"));
        assertThat(browser.getPageSource()).doesNotContain("Pricing Fan");

        browser.get("http://localhost:" + port + "/settings/model");
        String pricing = browser.findElement(By.xpath("//label[normalize-space()='Pricing-page visits']"))
                .getAttribute("for");
        Browser.type(browser, pricing, "30");
        browser.findElement(By.name(pricing.replace("eng_", "engcap_"))).clear(); // no cap on pricing visits
        browser.findElement(By.xpath("//button[normalize-space()='Preview on the existing leads']"))
                .click();
        Browser.waitForText(browser, By.tagName("body"), "What would change", Duration.ofSeconds(30));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains(
                        "Pricing-page visits: 10 → 30 points each",
                        "Pricing-page visits: cap 30 → none",
                        "Would become MQLs (");
        assertThat(browser.findElements(By.cssSelector("a[href='/leads/" + fan + "']")))
                .isNotEmpty();
        browser.manage().window().setSize(new Dimension(1280, 2100));
        Browser.screenshot(browser, "model-preview");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.xpath("//button[normalize-space()='Save and activate this draft']"))
                .click();
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok")))
                        .getText())
                .endsWith("is live; the leads it can move are being rescored.");
        until(
                Duration.ofSeconds(30),
                "the rescoring",
                rescores::latest,
                job -> !job.map(RescoreJobs.RescoreJob::running).orElse(false));

        browser.get("http://localhost:" + port + "/queue?company=" + company.replace(" ", "%20"));
        assertThat(browser.findElement(By.cssSelector("table.queue")).getText()).contains("Pricing Fan", "65");
    }

    /**
     * One draft, several edits: a rule renamed with new points, one removed, two added (one on a custom column whose
     * header had capitals and spaces), previewed once, activated once as one new version.
     */
    @Test
    void several_rules_are_edited_in_one_draft_previewed_once_and_activated_as_one_version() {
        capture.capture(new LeadProfile(
                        "Quality Lead",
                        new EmailAddress(UUID.randomUUID() + "@quality.example.com"),
                        company,
                        "Analyst",
                        800,
                        "BR",
                        "email",
                        Map.of("Lead Quality", "High", "Annual Revenue", "5000000")))
                .id();
        var live = models.active();
        String renamed = live.fitRules().get(0).name();
        String removed = live.fitRules().get(1).name();
        int versionsBefore = models.versions().size();

        Browser.signIn(browser, port, "model-admin", "model-admin-password");
        browser.get("http://localhost:" + port + "/settings/model");
        var name = browser.findElement(By.name("fitname_0"));
        name.clear();
        name.sendKeys(renamed + " (edited)");
        Browser.type(browser, "fit_0", "17");
        browser.findElement(By.name("fitremove_1")).click();
        Browser.type(browser, "newfit_name", "High quality");
        new Select(browser.findElement(By.id("newfit_type"))).selectByValue("ONE_OF");
        Browser.type(browser, "newfit_field", "Lead Quality");
        Browser.type(browser, "newfit_values", "High");
        Browser.type(browser, "newfit_points", "25");
        Browser.type(browser, "newfit_name_1", "Big revenue");
        new Select(browser.findElement(By.id("newfit_type_1"))).selectByValue("RANGE");
        Browser.type(browser, "newfit_field_1", "Annual Revenue");
        Browser.type(browser, "newfit_values_1", "1000000-100000000");
        Browser.type(browser, "newfit_points_1", "5");
        browser.findElement(By.xpath("//button[normalize-space()='Preview on the existing leads']"))
                .click();
        Browser.waitForText(browser, By.tagName("body"), "What would change", Duration.ofSeconds(30));
        String preview = browser.findElement(By.tagName("body")).getText();
        assertThat(preview)
                .contains(
                        "new fit rule High quality (25 points): lead_quality is one of",
                        "new fit rule Big revenue (5 points): annual_revenue is between 1000000 and 100000000",
                        "fit rule " + removed + " removed",
                        "17 points");
        assertThat(preview).doesNotContain("\u201cHigh quality\u201d (lead_quality is one of high) matches none");

        browser.findElement(By.xpath("//button[normalize-space()='Save and activate this draft']"))
                .click();
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok")))
                        .getText())
                .endsWith("is live; the leads it can move are being rescored.");
        var now = models.active();
        assertThat(models.versions()).as("one activation, one version").hasSize(versionsBefore + 1);
        assertThat(now.fitRules())
                .extracting(r -> r.name())
                .contains(renamed + " (edited)", "High quality", "Big revenue")
                .doesNotContain(removed, renamed);
        assertThat(now.fitRules().stream()
                        .filter(r -> r.name().equals(renamed + " (edited)"))
                        .findFirst()
                        .orElseThrow()
                        .points())
                .isEqualTo(17);
    }
}
