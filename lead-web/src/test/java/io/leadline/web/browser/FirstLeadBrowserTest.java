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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first vertical slice in a real browser: a marketer creates a lead, a rep finds it in the queue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstLeadBrowserTest {

    private static final String PASSWORD = "browser-password-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("browser-marketer", PASSWORD, Role.MARKETER);
        accounts.createIfAbsent("browser-rep", PASSWORD, Role.SALES);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_marketer_creates_a_lead_and_a_rep_sees_it_in_the_queue() {
        String email = "carla.mendes." + UUID.randomUUID().toString().substring(0, 8) + "@lojasol.com.br";

        signIn("browser-marketer");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
        browser.findElement(By.linkText("New lead")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/leads/new");
        Browser.screenshot(browser, "new-lead-form");

        // Bad input first: messages next to the fields, nothing stored.
        browser.findElement(By.id("email")).sendKeys("carla@lojasol");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        assertThat(browser.findElement(By.id("fullName-error")).getText()).isEqualTo("Enter the lead's name.");
        assertThat(browser.findElement(By.id("email-error")).getText())
                .isEqualTo("Enter an email address like name@company.com.");
        assertThat(browser.findElement(By.id("fullName")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        Browser.screenshot(browser, "new-lead-errors");

        // Then good input.
        fill("fullName", "Carla Mendes");
        fill("email", email);
        fill("company", "Loja Sol");
        fill("jobTitle", "Head of E-commerce");
        fill("companySize", "1500");
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("Brazil");
        new Select(browser.findElement(By.id("source"))).selectByValue("paid_search");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/leads/\\d+$"));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Lead Carla Mendes saved as Marketing qualified.");
        assertThat(browser.findElement(By.cssSelector("h2 .score")).getText()).isEqualTo("60");
        assertThat(browser.findElement(By.cssSelector("table.receipt")).getText())
                .contains("VP or director title", "Enterprise company", "High-intent source");
        Browser.screenshot(browser, "lead-detail");
        signOut();

        signIn("browser-rep");
        assertThat(browser.findElement(By.cssSelector("ul.figures")).getText())
                .contains("MQLs waiting for a rep", "your open leads");
        browser.findElement(By.linkText("Sales queue")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/queue");
        WebElement row = browser.findElement(
                By.xpath("//table[contains(@class,'queue')]//tr[td//text()[contains(., '" + email + "')]]"));
        assertThat(row.getText()).contains("Carla Mendes", "Loja Sol", "60", "Marketing qualified");
        Browser.screenshot(browser, "sales-queue");

        // A rep cannot open admin pages: a 403 page in the layout.
        browser.get(url("/settings"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
    }

    private void signIn(String username) {
        Browser.signIn(browser, port, username, PASSWORD);
    }

    private void signOut() {
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("You are signed out.");
    }

    private void fill(String id, String value) {
        Browser.type(browser, id, value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
