package io.leadline.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.user.Language;
import io.leadline.core.user.Preferences;
import io.leadline.core.user.Role;
import io.leadline.core.user.UserAccess;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main pages at a phone's, a tablet's and a desktop's width: none scrolls sideways (wide tables scroll inside
 * their cards). Each page that does is named with the width and the element that sticks out furthest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageWidthsBrowserTest {

    static final int[] WIDTHS = {390, 768, 1280};

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadCapture capture;

    @Autowired
    UserAccess users;

    private ChromeDriver browser;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("widths-admin", "widths-admin-password", Role.ADMIN);
        // Long names widen the users table, as a real team's do.
        accounts.createIfAbsent("widths-rep-with-a-long-name-for-the-table", "widths-rep-password", Role.SALES);
        accounts.createIfAbsent("widths-marketer-with-a-long-name-too", "widths-marketer-password", Role.MARKETER);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void no_main_page_scrolls_sideways_at_phone_tablet_or_desktop_width() {
        long lead = capture.capture(new LeadProfile(
                        "Maria Aparecida dos Santos Albuquerque",
                        new EmailAddress("maria.aparecida.albuquerque-" + System.nanoTime()
                                + "@a-rather-long-company-domain.example.com"),
                        "Cerâmica Paraná Indústria e Comércio Ltda",
                        "Diretora de Operações e Logística",
                        250,
                        "BR",
                        "paid_search",
                        Map.of()))
                .id();
        Browser.signIn(browser, port, "widths-admin", "widths-admin-password");
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/leads",
                "/leads/new",
                "/queue",
                "/accounts",
                "/imports",
                "/reports",
                "/inbox",
                "/settings",
                "/settings/model",
                "/settings/handoff",
                "/settings/webhooks",
                "/settings/tracking",
                "/settings/fields",
                "/settings/sources",
                "/settings/audit",
                "/account/alerts",
                "/forms/spring-webinar"));
        pages.add("/leads/" + lead);
        pages.add("/accounts/"
                + jdbc.sql("select account_id from lead where id = ?")
                        .param(lead)
                        .query(Long.class)
                        .single());
        // A possible duplicate of it (a typo, a private address, the company without its accents): the lead page shows
        // the pair, and the merge page sets the two side by side.
        long twin = capture.capture(new LeadProfile(
                        "Maria Aparecida dos Santos Albuquerqe",
                        new EmailAddress("maria.albuquerque." + System.nanoTime() + "@gmail.com"),
                        "Ceramica Parana Industria e Comercio Ltda",
                        null,
                        null,
                        "BR",
                        null,
                        Map.of("phone", "+55 41 99876-5432")))
                .id();
        String email = jdbc.sql("select email from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();
        pages.addAll(List.of(
                "/leads/duplicates",
                "/leads/merge?lead=" + lead + "&other=" + twin,
                "/settings/personal-data?email=" + email));
        List<String> wide = wideAt(pages, WIDTHS);
        for (int width : new int[] {390, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            String suffix = width == 390 ? "-phone" : "";
            browser.get("http://localhost:" + port + "/leads/merge?lead=" + lead + "&other=" + twin);
            Browser.screenshot(browser, "merge-side-by-side" + suffix);
            browser.get("http://localhost:" + port + "/leads/" + lead);
            Browser.screenshot(browser, "lead-possible-duplicates" + suffix);
            browser.get("http://localhost:" + port + "/settings/personal-data?email=" + email);
            Browser.screenshot(browser, "settings-personal-data" + suffix);
        }
        assertThat(wide).as("pages wider than the window").isEmpty();
    }

    /**
     * A Brazilian marketer's Leadline (their preference: Portuguese, São Paulo time): the same pages in Portuguese — longer
     * words than English — fit a phone and a desktop too, and the browser's script has told the server its zone.
     */
    @Test
    void the_portuguese_pages_fit_too() {
        accounts.createIfAbsent("widths-marketer-pt", "widths-marketer-pt-password", Role.MARKETER);
        users.savePreferences(
                "widths-marketer-pt",
                new Preferences(Optional.of(Language.PORTUGUESE_BRAZIL), Optional.of(ZoneId.of("America/Sao_Paulo"))));
        Browser.signIn(browser, port, "widths-marketer-pt", "widths-marketer-pt-password");
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hoje");
        assertThat(browser.getPageSource()).contains("BRT");
        assertThat((String) browser.executeScript("return document.cookie"))
                .as("leadline.js tells the browser's zone")
                .contains("leadline_tz=");
        List<String> pages = List.of(
                "/",
                "/leads",
                "/leads/new",
                "/queue",
                "/accounts",
                "/imports",
                "/reports",
                "/inbox",
                "/account/preferences",
                "/account/alerts");
        List<String> wide = wideAt(pages, 390, 1280);
        for (int width : new int[] {390, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get("http://localhost:" + port + "/");
            Browser.screenshot(browser, "today-pt-BR" + (width == 390 ? "-phone" : ""));
        }
        assertThat(wide).as("Portuguese pages wider than the window").isEmpty();
    }

    /** The pages, each at each width, that scroll sideways: with the element that sticks out furthest. */
    private List<String> wideAt(List<String> pages, int... widths) {
        List<String> wide = new ArrayList<>();
        for (int width : widths) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : pages) {
                browser.get("http://localhost:" + port + page);
                Object culprit = browser.executeScript("""
                        if (document.documentElement.scrollWidth <= window.innerWidth) return null;
                        const clipped = (e) => {
                          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                            if (getComputedStyle(p).overflowX !== 'visible') return true;
                          }
                          return false;
                        };
                        let worst = null, right = 0;
                        for (const e of document.querySelectorAll('body *')) {
                          const r = e.getBoundingClientRect().right;
                          if (r > right && !clipped(e)) { right = r; worst = e; }
                        }
                        return worst ? worst.tagName.toLowerCase() + (worst.className ? '.' + worst.className : '') + ' to ' + Math.round(right) + ' px' : 'unknown';
                        """);
                if (culprit != null) {
                    wide.add(page + " at " + width + " px: " + culprit);
                    Browser.screenshot(browser, "wide-" + width + page.replace('/', '_'));
                }
            }
        }
        return wide;
    }
}
