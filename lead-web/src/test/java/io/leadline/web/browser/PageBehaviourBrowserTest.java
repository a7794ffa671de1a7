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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page script (static/js/leadline.js) in a real browser: an action that cannot be taken back asks first and does
 * nothing when the admin says no; after a refused form the field at fault has the focus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageBehaviourBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final String rep = "confirm-" + UUID.randomUUID().toString().substring(0, 8);
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("behaviour-admin", "behaviour-admin-password", Role.ADMIN);
        accounts.createIfAbsent(rep, "confirm-rep-password", Role.SALES);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private boolean enabled() {
        return jdbc.sql("select enabled from app_user where username = ?")
                .param(rep)
                .query(Boolean.class)
                .single();
    }

    @Test
    void deactivating_a_user_asks_first_and_a_no_changes_nothing() {
        Browser.signIn(browser, port, "behaviour-admin", "behaviour-admin-password");
        browser.get("http://localhost:" + port + "/settings");
        var deactivate = By.xpath("//tr[td[normalize-space()='" + rep + "']]//button[normalize-space()='Deactivate']");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.findElement(deactivate).click();
        var question = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Deactivate " + rep + "?");
        question.dismiss();
        assertThat(enabled()).as("said no").isTrue();

        browser.findElement(deactivate).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> !enabled());
        assertThat(enabled()).isFalse();
    }

    @Test
    void after_a_refused_form_the_field_at_fault_has_the_focus() {
        Browser.signIn(browser, port, "behaviour-admin", "behaviour-admin-password");
        browser.get("http://localhost:" + port + "/account/password");
        Browser.type(browser, "currentPassword", "not-my-password-at-all");
        Browser.type(browser, "newPassword", "a-new-password-long");
        Browser.type(browser, "confirmPassword", "a-new-password-long");
        browser.findElement(By.xpath("//button[normalize-space()='Change password']"))
                .click();
        // the old page's focused element goes stale while the refused page loads: wait through that
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d ->
                        "currentPassword".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.switchTo().activeElement().getAttribute("aria-invalid"))
                .isEqualTo("true");
    }
}
