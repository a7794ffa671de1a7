package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.leadline.core.user.Role;
import io.leadline.web.security.UserAccounts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tracking snippet on a real website: an admin registers the site on the Tracking page and copies its snippet; a
 * second server (another origin) serves three pages with it; a visitor reads them and sends the Leadline form linked
 * from the last one; the lead then shows the three visits and the pricing page's points. A second site asks for
 * consent first, and a visitor who never gives it sends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackingBrowserTest {

    /** A browser as people have it: headless Chromium's own user agent says "HeadlessChrome", which is dropped as a robot. */
    static final String PERSON =
            "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<String> snippet = new AtomicReference<>("");
    private HttpServer website;
    private ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        accounts.createIfAbsent("tracking-admin", "tracking-admin-password", Role.ADMIN);
        website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        website.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String page = """
                    <!DOCTYPE html><html><head><title>%s</title></head><body>
                    <h1>%s</h1>
                    <a id="home" href="/">Home</a> <a id="pricing" href="/pricing">Pricing</a> <a id="about" href="/about">About</a>
                    <a id="form" href="http://localhost:%d/forms/demo?utm_source=website">Ask for a demo</a>
                    <button id="consent" onclick="leadline('consent', true)">Accept</button>
                    %s
                    </body></html>""".formatted("Acme " + path, "Acme " + path, port, snippet.get());
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(path.equals("/favicon.ico") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        website.start();
        browser = Browser.start(null, PERSON);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        website.stop(0);
    }

    private String siteOrigin() {
        return "http://127.0.0.1:" + website.getAddress().getPort();
    }

    /** Registers a site on the Tracking page as an admin would, and answers its snippet as the page shows it. */
    private String registerSite(String name, boolean consent) {
        Browser.signIn(browser, port, "tracking-admin", "tracking-admin-password");
        browser.get("http://localhost:" + port + "/settings/tracking");
        Browser.type(browser, "name", name);
        Browser.type(browser, "origins", siteOrigin());
        if (consent) {
            browser.findElement(By.id("consentRequired1")).click();
        }
        browser.findElement(By.xpath("//button[normalize-space()='Add site']")).click();
        Browser.waitForText(browser, By.cssSelector("h1"), name, Duration.ofSeconds(10));
        String code = browser.findElement(By.id("snippet")).getText();
        Browser.screenshot(browser, "settings-tracking-site");
        fitsAPhone("settings-tracking-site-phone");
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        // The sign-out's page must have arrived before the next page is asked for, or it replaces that page.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        return code;
    }

    /** At a phone's width the page scrolls only down, never sideways; the window is put back after. */
    private void fitsAPhone(String screenshot) {
        var desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Object wider = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            Browser.screenshot(browser, screenshot);
            assertThat(wider).as("the page is wider than a phone").isEqualTo(false);
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private long hitsOf(String site) {
        return jdbc.sql("select count(*) from tracking_hit h join tracked_site s on s.id = h.site_id where s.name = ?")
                .param(site)
                .query(Long.class)
                .single();
    }

    @Test
    void a_visitor_who_reads_three_pages_and_sends_the_form_arrives_with_the_visits_and_the_pricing_points()
            throws Exception {
        String site = "Acme site " + tag;
        snippet.set(registerSite(site, false));
        assertThat(snippet.get()).contains("/t/leadline.js").contains("data-site=\"site_");

        browser.get(siteOrigin() + "/");
        browser.findElement(By.id("pricing")).click();
        Browser.waitForText(browser, By.cssSelector("h1"), "Acme /pricing", Duration.ofSeconds(10));
        Thread.sleep(1200); // long enough on the page for its time in view to count
        browser.findElement(By.id("about")).click();
        Browser.waitForText(browser, By.cssSelector("h1"), "Acme /about", Duration.ofSeconds(10));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("form")).getAttribute("href").contains("lv=site_"));
        browser.findElement(By.id("form")).click();
        String email = "tracked-" + tag + "@acme.com";
        Browser.type(browser, "email", email);
        Browser.type(browser, "full_name", "Tracked Visitor");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitForText(browser, By.cssSelector("h1"), "Thank", Duration.ofSeconds(10));

        long lead = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "select type from activity where lead_id = ? and type <> 'form_submission' order by occurred_at")
                        .param(lead)
                        .query(String.class)
                        .list())
                .as(
                        "hits are stamped when they arrive; a page view sent as the visitor clicks on may arrive after the next one")
                .containsExactlyInAnyOrder("web_visit", "pricing_page_visit", "web_visit");
        Browser.signIn(browser, port, "tracking-admin", "tracking-admin-password");
        browser.get("http://localhost:" + port + "/leads/" + lead);
        String visits = browser.findElement(By.id("website-visits")).getText();
        assertThat(visits)
                .contains("1 session, 3 pages")
                .contains("/pricing")
                .contains("/about")
                .contains("Acme /pricing");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Pricing-page visits");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("website-visits")).getText().matches("(?s).*/pricing.*\\d+ s.*");
        });
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("website-visits")));
        Browser.screenshot(browser, "lead-website-visits");
        fitsAPhone("lead-website-visits-phone");
    }

    @Test
    void a_visitor_who_does_not_consent_sends_nothing() throws Exception {
        String site = "Consent site " + tag;
        snippet.set(registerSite(site, true));
        assertThat(snippet.get()).contains("data-consent=\"required\"");

        browser.get(siteOrigin() + "/");
        browser.findElement(By.id("pricing")).click();
        Browser.waitForText(browser, By.cssSelector("h1"), "Acme /pricing", Duration.ofSeconds(10));
        Thread.sleep(500); // what the snippet would have sent by now, were it sending
        browser.findElement(By.id("consent")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> hitsOf(site) > 0);

        assertThat(hitsOf(site)).as("only the page view after the consent").isEqualTo(1);
        assertThat(browser.manage().getCookieNamed("_leadline_vid")).isNotNull();
    }
}
