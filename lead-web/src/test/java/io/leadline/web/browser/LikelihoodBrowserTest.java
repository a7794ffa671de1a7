package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.user.Role;
import io.leadline.web.prediction.ClosedLeads;
import io.leadline.web.security.UserAccounts;
import java.time.Duration;
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

/** An admin trains the likelihood model, sees its AUC, the calibration chart and a leak warning; a rep sees the column. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LikelihoodBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("likelihood-admin", "likelihood-admin-password", Role.ADMIN);
        accounts.createIfAbsent("likelihood-rep", "likelihood-rep-password", Role.SALES);
        ClosedLeads.insert(jdbc, 1000);
        ClosedLeads.inQueue(jdbc, "Likely Buyer");
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_admin_trains_the_model_and_a_sales_rep_sees_the_likelihood_in_the_queue() {
        Browser.signIn(browser, port, "likelihood-admin", "likelihood-admin-password");
        browser.get("http://localhost:" + port + "/settings");
        browser.findElement(By.linkText("Likelihood to close (predictive model)"))
                .click();
        browser.findElement(By.xpath("//button[normalize-space()='Train now']")).click();
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Training model");

        // The page refreshes itself while the model trains.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.auc")));
        double auc =
                Double.parseDouble(browser.findElement(By.cssSelector("td.auc")).getText());
        assertThat(auc).isGreaterThan(0.75);
        assertThat(browser.findElements(By.cssSelector("svg.calibration circle")))
                .hasSize(10);
        assertThat(browser.findElement(By.cssSelector("tr.leak")).getText())
                .contains("deal_segment")
                .contains("Leak?");
        Browser.screenshot(browser, "likelihood");

        browser.findElement(By.xpath("//form[contains(@action,'/logout')]//button"))
                .click();
        Browser.signIn(browser, port, "likelihood-rep", "likelihood-rep-password");
        browser.get("http://localhost:" + port + "/queue");
        assertThat(browser.findElement(By.xpath("//th[normalize-space()='Likelihood']"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.xpath(
                                "//tr[td/a[normalize-space()='Likely Buyer']]/td[contains(@class,'likelihood')]"))
                        .getText())
                .matches("\\d+ %");
        Browser.screenshot(browser, "queue-likelihood");
    }
}
