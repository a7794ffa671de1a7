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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin opens the accounts view, finds the account that is heating up, reads why on its page and gives it to a rep;
 * then disqualifies two of its leads at once from the lead list and reads the result.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadline.import.poll-millis=200")
class AccountsBulkBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    LeadCapture capture;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String company = "Heating Up " + tag;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        users.createIfAbsent("acct-admin", "acct-admin-password", Role.ADMIN);
        users.createIfAbsent("acct-rep", "acct-rep-password-1", Role.SALES);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long lead(String name, String title) {
        return capture.capture(new LeadProfile(
                        name + " " + tag,
                        new EmailAddress(UUID.randomUUID() + "@heating.example.com"),
                        company,
                        title,
                        3000,
                        "BR",
                        "webinar",
                        Map.of()))
                .id();
    }

    @Test
    void an_admin_reads_why_an_account_is_an_mqa_gives_it_an_owner_and_disqualifies_two_leads_at_once() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        long ceo = lead("Carla Mendes", "CEO");
        lead("Diego Prado", "VP Engineering");
        lead("Ines Rocha", "Analyst");
        jdbc.sql("update lead_score set engagement_points = 25, score = score + 25 where lead_id in "
                        + "(select id from lead where company = ? and job_title <> 'Analyst')")
                .param(company)
                .update();
        long account = jdbc.sql("select account_id from lead where id = ?")
                .param(ceo)
                .query(Long.class)
                .single();
        wait.until(d -> jdbc.sql("select coalesce(bool_or(mqa), false) from account_score where account_id = ?")
                .param(account)
                .query(Boolean.class)
                .single());

        Browser.signIn(browser, port, "acct-admin", "acct-admin-password");
        browser.get("http://localhost:" + port + "/accounts?mqa=true");
        browser.findElement(By.linkText(company)).click();
        wait.until(ExpectedConditions.urlContains("/accounts/" + account));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page)
                .contains(
                        "Why this score",
                        "Best contact",
                        "Buying-committee coverage",
                        "Became an MQA",
                        "Carla Mendes " + tag,
                        "Ines Rocha " + tag);
        new Select(browser.findElement(By.id("owner"))).selectByVisibleText("acct-rep");
        browser.findElement(By.xpath("//button[normalize-space()='Save owner']"))
                .click();
        Browser.waitForText(browser, By.cssSelector(".flash.ok"), "acct-rep's now", Duration.ofSeconds(10));
        Browser.screenshot(browser, "account-page");

        browser.get("http://localhost:" + port + "/leads?text=" + tag);
        browser.findElement(By.xpath("//summary[normalize-space()='Act on several leads…']"))
                .click();
        for (String name : new String[] {"Diego Prado", "Ines Rocha"}) {
            browser.findElement(By.cssSelector("input[aria-label='Select " + name + " " + tag + "']"))
                    .click();
        }
        new Select(browser.findElement(By.id("bulk-kind"))).selectByVisibleText("Disqualify");
        new Select(browser.findElement(By.id("bulk-reason"))).selectByIndex(1);
        Browser.type(browser, "bulk-note", "merged into the parent company");
        browser.findElement(By.xpath("//button[normalize-space()='Run on the leads']"))
                .click();
        wait.until(ExpectedConditions.alertIsPresent()).accept(); // it asks first

        wait.until(ExpectedConditions.urlMatches("/leads/bulk/\\d+$"));
        Browser.waitForText(browser, By.tagName("h2"), "Done: 2 leads changed, 0 refused", Duration.ofSeconds(20));
        Browser.screenshot(browser, "bulk-result");
        assertThat(jdbc.sql("select count(*) from lead where company = ? and stage = 'DISQUALIFIED'")
                        .param(company)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
