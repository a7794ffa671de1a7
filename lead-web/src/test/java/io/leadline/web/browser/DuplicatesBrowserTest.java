package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.user.Role;
import io.leadline.web.security.UserAccounts;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A marketer cleans a duplicate as a person would: enters a lead that is already there under a private address, is told
 * so, finds the pair on the review list after a scan, compares the two side by side, takes a field from the other
 * record and merges; the merged lead's old address opens the survivor.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadline.import.poll-millis=200")
class DuplicatesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("dup-marketer", "dup-marketer-password", Role.MARKETER);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String newLead(String name, String email, String company, String title, String hint) {
        browser.get("http://localhost:" + port + "/leads/new");
        Browser.type(browser, "fullName", name);
        Browser.type(browser, "email", email);
        Browser.type(browser, "company", company);
        Browser.type(browser, "jobTitle", title);
        if (hint != null) {
            // The page asked, as the company field was left, whether this lead is there already.
            Browser.waitForText(browser, By.id("duplicate-hint"), hint, Duration.ofSeconds(10));
            assertThat(browser.findElement(By.id("duplicate-hint")).getText())
                    .contains("This may be a lead you have already");
            Browser.screenshot(browser, "new-lead-duplicate-hint");
        }
        var save = browser.findElement(By.cssSelector("main button[type=submit]"));
        save.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/leads/\\d+$"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.profile")));
        return browser.getCurrentUrl();
    }

    @Test
    void a_marketer_finds_a_pair_on_the_review_list_compares_it_and_merges_it() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Browser.signIn(browser, port, "dup-marketer", "dup-marketer-password");
        String survivor = newLead(
                "Mariana Teixeira " + tag, "mariana." + tag + "@ceramica.example", "Cerâmica " + tag, "Buyer", null);
        String merged = newLead(
                "Mariana Teixera " + tag,
                "mari" + tag + "@gmail.com",
                "Ceramica " + tag,
                "Head of Purchasing",
                "Mariana Teixeira " + tag);
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("It may be a duplicate");
        assertThat(browser.findElement(By.cssSelector(".card.duplicates")).getText())
                .contains("Mariana Teixeira " + tag);

        browser.get("http://localhost:" + port + "/leads/duplicates");
        browser.findElement(By.xpath("//button[normalize-space()='Look for duplicates now']"))
                .click();
        Browser.waitForText(browser, By.cssSelector(".scan-status"), "pairs found", Duration.ofSeconds(30));
        var pair = By.xpath(
                "//tr[td/a[normalize-space()='Mariana Teixeira " + tag + "']]//a[normalize-space()='Compare']");
        wait.until(ExpectedConditions.elementToBeClickable(pair)).click();

        wait.until(ExpectedConditions.urlContains("/leads/merge"));
        String sideBySide =
                browser.findElement(By.cssSelector("table.merge-fields")).getText(); // headers are upper-cased by CSS
        assertThat(sideBySide)
                .containsIgnoringCase("Keeps: Mariana Teixeira " + tag)
                .containsIgnoringCase("Merged: Mariana Teixera " + tag);
        browser.findElement(By.xpath("//label[normalize-space()='Take Head of Purchasing']/input"))
                .click();
        Browser.screenshot(browser, "merge-leads");
        browser.findElement(By.xpath("//button[normalize-space()='Merge into the lead on the left']"))
                .click();

        wait.until(ExpectedConditions.urlToBe(survivor));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("merged into Mariana Teixeira " + tag);
        assertThat(browser.findElement(By.cssSelector("dl.profile")).getText())
                .contains("Head of Purchasing", "mari" + tag + "@gmail.com");
        browser.get(merged);
        wait.until(ExpectedConditions.urlToBe(survivor));
        long mergedId = Long.parseLong(merged.substring(merged.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(mergedId)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
