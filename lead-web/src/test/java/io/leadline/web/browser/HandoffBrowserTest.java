package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off as a team uses it: an admin adds an assignment rule on the Hand-off page; a lead of that source becomes
 * an MQL and asks for a demo through the API; the rep sees the inbox badge, the notice, and the lead in the queue's hot
 * lane.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoffBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeadCapture capture;

    @Autowired
    ApiTokenRegistry tokens;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String rep = "hand-" + tag;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("handoff-admin", "handoff-admin-password", Role.ADMIN);
        accounts.createIfAbsent(rep, "hand-rep-password", Role.SALES);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.sql("delete from assignment_rule").update();
        jdbc.sql("delete from handoff_setting").update();
    }

    @Test
    void a_rule_sends_a_demo_requesting_lead_to_its_rep_who_sees_the_badge_the_notice_and_the_hot_lane()
            throws Exception {
        String source = "browser_" + tag;
        Browser.signIn(browser, port, "handoff-admin", "handoff-admin-password");
        browser.get("http://localhost:" + port + "/settings/handoff");
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Source is");
        Browser.type(browser, "value", source);
        new Select(browser.findElement(By.id("rep"))).selectByVisibleText(rep);
        browser.findElement(By.xpath("//button[normalize-space()='Add rule']")).click();
        Browser.waitForText(
                browser, By.cssSelector("ol.rules"), "Source is " + source + " → " + rep, Duration.ofSeconds(10));
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();

        long id = capture.capture(new LeadProfile(
                        "Browser Hand " + tag,
                        new EmailAddress("hand-" + tag + "@acme.com"),
                        "Acme",
                        "CEO",
                        3000,
                        "BR",
                        source,
                        Map.of()))
                .id();
        String token = ApiClients.token(tokens, Role.MARKETER);
        HttpResponse<String> sent = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/activities"))
                                .header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"items\": [{\"leadId\": " + id + ", \"type\": \"demo_request\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        Browser.signIn(browser, port, rep, "hand-rep-password");
        // The notices arrive after their events commit: the badge shows on a page opened once they are in.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("a.inbox"))
                    .getAttribute("aria-label")
                    .equals("Inbox, 2 unread");
        });
        browser.findElement(By.cssSelector("a.inbox")).click();
        String inbox = browser.findElement(By.cssSelector("table.inbox")).getText();
        assertThat(inbox)
                .contains("Browser Hand " + tag + " is yours (by rule 1: Source is " + source + " → " + rep + ").")
                .contains("Browser Hand " + tag + ", one of your leads: demo request.");

        browser.findElement(By.linkText("Sales queue")).click();
        String lane = browser.findElement(By.cssSelector("tbody.hot-lane")).getText();
        assertThat(lane).contains("Browser Hand " + tag).contains("Hot ·");
        Browser.screenshot(browser, "queue-hot-lane");
    }
}
