package io.leadline.web.browser;

import static io.leadline.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.user.Role;
import io.leadline.web.security.UserAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A marketer imports the real Olist MQL export through the wizard and sees its 8,000 leads arrive. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private ChromeDriver browser;

    @TempDir
    Path downloads;

    @BeforeEach
    void open() {
        accounts.createIfAbsent("importer", "importer-password", Role.MARKETER);
        browser = Browser.start(downloads);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_olist_mql_file_imports_through_the_wizard() throws IOException {
        Path file = dir.resolve("marketing_qualified_leads.csv");
        try (InputStream in = getClass().getResourceAsStream("/olist/marketing_qualified_leads.csv")) {
            Files.copy(in, file);
        }
        Browser.signIn(browser, port, "importer", "importer-password");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");

        browser.findElement(By.linkText("Imports")).click();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[normalize-space()='Upload and preview']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/imports/\\d+$"));

        assertThat(browser.findElement(By.cssSelector("table.preview"))
                        .getText()
                        .toLowerCase())
                .contains("mql_id", "dac32acd4db4c29c230538b72f8dd87d", "01-02-2018");
        assertThat(browser.findElement(By.name("field0")).getAttribute("value")).isEqualTo("EXTERNAL_ID");
        assertThat(browser.findElement(By.name("field1")).getAttribute("value")).isEqualTo("CREATED_AT");
        assertThat(browser.findElement(By.name("field3")).getAttribute("value")).isEqualTo("SOURCE");
        Browser.screenshot(browser, "import-mapping");

        browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();
        Browser.waitForText(browser, By.cssSelector("h2"), "What the import did", Duration.ofSeconds(60));
        String result = browser.findElement(By.cssSelector("table.counts")).getText();
        assertThat(result).contains("Rows read 8000", "Imported as new leads 8000", "Rejected 0");
        Browser.screenshot(browser, "import-result");

        browser.findElement(By.linkText("All imports")).click();
        assertThat(browser.findElement(By.cssSelector("table tbody tr")).getText())
                .contains("marketing_qualified_leads.csv", "importer", "done", "8000");
    }

    @Test
    void the_rejected_rows_of_a_malformed_file_download_with_their_reasons() throws Exception {
        Path file = dir.resolve("malformed.csv");
        Files.writeString(
                file,
                "email,name,company size\ngood-" + System.nanoTime() + "@acme.com,Good,10\n"
                        + "not-an-email,Bad,10\nragged@acme.com,Acme, Inc,10\n=2+3,Formula,5\n");
        importWithTheGuessedMapping(file);
        assertThat(browser.findElement(By.cssSelector("table.counts")).getText())
                .contains("Rows read 4", "Rejected 3");

        browser.findElement(By.partialLinkText("Download the rejected rows")).click();
        Path downloaded =
                until(Duration.ofSeconds(10), "the rejected rows' download", this::rejectedRowsFile, f -> f != null);
        String csv = Files.readString(downloaded);
        assertThat(csv)
                .startsWith("email,name,company size,line,reason")
                .contains(
                        "not-an-email,Bad,10,3,\"\"\"not-an-email\"\" is not a valid email address\"",
                        "ragged@acme.com,Acme,\" Inc\",10,4,\"the row has 4 cells but the header has 3: a value holds the "
                                + "separator without quotes, so its cells would land in the wrong columns\"",
                        "'=2+3,Formula,5,5,");
    }

    @Test
    void a_file_of_two_thousand_columns_maps_and_imports_from_the_browser() throws Exception {
        int columns = 2007;
        StringBuilder csv = new StringBuilder("email");
        for (int c = 1; c < columns; c++) {
            csv.append(",Answer ").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 3; r++) {
            csv.append("wide-").append(r).append('-').append(System.nanoTime()).append("@acme.com");
            for (int c = 1; c < columns; c++) {
                csv.append(",v").append(c);
            }
            csv.append('\n');
        }
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, csv);
        importWithTheGuessedMapping(file);
        assertThat(browser.findElement(By.cssSelector("table.counts")).getText())
                .contains("Rows read 3", "Imported as new leads 3");
    }

    /**
     * A semicolon file whose dates could be day or month first and whose statuses need a choice: the marketer reads it
     * as semicolons, sets the date column to day first, maps "Bad timing" to nurture and "Working" to sales qualified.
     */
    @Test
    void the_reading_the_date_format_and_the_statuses_are_chosen_on_the_mapping_page() throws Exception {
        String tag = Long.toString(System.nanoTime());
        Path file = dir.resolve("statuses.csv");
        Files.writeString(
                file,
                "Email;Created;Status\n"
                        + "d1-" + tag + "@acme.com;03/05/2024;Working\n"
                        + "d2-" + tag + "@acme.com;04/06/2024;Bad timing\n"
                        + "d3-" + tag + "@acme.com;01/02/2024;New\n");
        Browser.signIn(browser, port, "importer", "importer-password");
        browser.get("http://localhost:" + port + "/imports");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[normalize-space()='Upload and preview']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        assertThat(browser.findElement(By.cssSelector(".file-facts")).getText()).contains("separated by semicolons");

        // Read it as commas by mistake, then back as semicolons: the columns are guessed anew each time.
        readAgain(",");
        assertThat(browser.findElements(By.cssSelector("table.preview thead th")))
                .hasSize(1);
        readAgain(";");
        assertThat(browser.findElements(By.cssSelector("table.preview thead th")))
                .hasSize(3);
        assertThat(browser.findElement(By.name("field1")).getAttribute("value")).isEqualTo("CREATED_AT");
        assertThat(browser.findElement(By.name("field2")).getAttribute("value")).isEqualTo("STAGE");

        new Select(browser.findElement(By.name("format1"))).selectByValue("DAY_FIRST");
        for (int k = 0; k < 3; k++) {
            String value = browser.findElement(By.name("stagevalue_" + k)).getAttribute("value");
            Select stage = new Select(browser.findElement(By.name("stage_" + k)));
            if (value.equals("Working")) {
                assertThat(stage.getFirstSelectedOption().getAttribute("value")).isEqualTo("ACCEPTED");
                stage.selectByValue("SQL");
            } else if (value.equals("Bad timing")) {
                stage.selectByValue("RECYCLED");
            }
        }
        Browser.screenshot(browser, "import-statuses-and-dates");
        browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();
        Browser.waitForText(browser, By.cssSelector("h2"), "What the import did", Duration.ofSeconds(60));
        assertThat(browser.findElement(By.cssSelector("table.counts")).getText())
                .contains("Rows read 3", "Imported as new leads 3");

        assertThat(jdbc.sql("select stage || ' ' || to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') from lead "
                                + "where email like ? order by email")
                        .param("d_-" + tag + "@acme.com")
                        .query(String.class)
                        .list())
                .containsExactly("SQL 2024-05-03", "RECYCLED 2024-06-04", "NEW 2024-02-01");
    }

    /** Chooses the separator and reads the file again; waits until the page it answers with has replaced this one. */
    private void readAgain(String separator) {
        new Select(browser.findElement(By.id("separator"))).selectByValue(separator);
        var button = browser.findElement(By.xpath("//button[normalize-space()='Read the file again']"));
        button.click();
        Browser.waitUntilReplaced(browser, button, Duration.ofSeconds(30));
    }

    /** Signs in, uploads the file, keeps the guessed mapping and imports it; waits for the result. */
    private void importWithTheGuessedMapping(Path file) {
        Browser.signIn(browser, port, "importer", "importer-password");
        browser.get("http://localhost:" + port + "/imports");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[normalize-space()='Upload and preview']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();
        Browser.waitForText(browser, By.cssSelector("h2"), "What the import did", Duration.ofSeconds(60));
    }

    /** The downloaded rejected-rows file, {@code null} while Chrome has not finished it. */
    private Path rejectedRowsFile() throws IOException {
        try (var files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().startsWith("rejected-rows-")
                            && p.getFileName().toString().endsWith(".csv"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
