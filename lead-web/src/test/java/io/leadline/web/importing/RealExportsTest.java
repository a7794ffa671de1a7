package io.leadline.web.importing;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.importing.DateFormat;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.ImportFindings;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Exports shaped as HubSpot, Salesforce and Facebook lead ads write them (src/test/resources/exports), imported as a
 * marketer would: upload, keep the guessed mapping, import. Each row is accounted for as imported, warned or rejected,
 * and nothing is silently changed: placeholders are blank, dates read in the column's format, invisible characters
 * gone, duplicate headers kept apart.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RealExportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_hubspot_contacts_export() throws Exception {
        ImportJob job = importWithTheGuessedMapping("hubspot-contacts.csv");

        assertThat(counts(job)).isEqualTo(new long[] {6, 5, 0, 1});
        assertThat(jobs.warned(job.id())).isEqualTo(2);
        assertThat(jobs.firstWarnings(job.id(), 10))
                .extracting(ImportFindings.Warning::reason)
                .containsExactly(
                        "First name \"carla@hs-fixture.example\" is an email address: taken as the email",
                        "\"davi.melo@hs-fixture\" is not a valid email address: left blank; "
                                + "country \"Atlantis\" is not a country Leadline knows: left blank");
        assertThat(jobs.firstRejections(job.id(), 10))
                .extracting(ImportJobs.Rejection::reason)
                .containsExactly("the row has neither an email nor an external id");

        Map<String, Object> ana = lead("ana.souza@hs-fixture.example");
        assertThat(ana)
                .containsEntry("external_id", "101")
                .containsEntry("country", "BR")
                .containsEntry("company_size", 1200);
        assertThat(((Timestamp) ana.get("created_at")).toInstant()).isEqualTo(Instant.parse("2024-02-05T01:51:00Z"));
        assertThat((String) ana.get("attributes"))
                .contains("\"phone_number\": \"+55 11 5555 0101\"")
                .contains("\"lifecycle_stage\": \"Lead\"")
                .doesNotContain("phone_number_2");
        Map<String, Object> bruno = lead("bruno.lima@hs-fixture.example");
        assertThat(bruno)
                .containsEntry("full_name", "Lima")
                .containsEntry("company", "Acme Ltda")
                .containsEntry("country", "US");
        assertThat((String) bruno.get("attributes"))
                .contains("\"phone_number_2\": \"+1 555 0100\"")
                .doesNotContain("null");
        assertThat(lead("carla@hs-fixture.example"))
                .containsEntry("full_name", "Dias")
                .containsEntry("country", "HK");
        Map<String, Object> davi = jdbc.sql("select email, country from lead where external_id = '104'")
                .query()
                .singleRow();
        assertThat(davi.get("email")).isNull();
        assertThat(davi.get("country")).isNull();
        Map<String, Object> fabio = lead("fabio.nunes@hs-fixture.example");
        assertThat(fabio).containsEntry("full_name", "Fábio José Nunes");
        assertThat(fabio.get("company")).isNull();
        assertThat(fabio.get("job_title")).isNull();
        assertThat(fabio.get("company_size")).isNull();
        assertThat(fabio.get("country")).isNull();
    }

    @Test
    void a_salesforce_leads_export() throws Exception {
        ImportJob job = importWithTheGuessedMapping("salesforce-leads.csv");

        assertThat(job.mapping().column(ImportField.CREATED_AT).orElseThrow().dateFormat())
                .isEqualTo(DateFormat.MONTH_FIRST);
        assertThat(counts(job)).isEqualTo(new long[] {4, 3, 0, 1});
        assertThat(jobs.firstRejections(job.id(), 10))
                .extracting(ImportJobs.Rejection::reason)
                .containsExactly("\"13/01/2024\" is not a date in the column's format, month first (03/05/2024)");
        Map<String, Object> grace = lead("grace@sf-fixture.example");
        assertThat(grace)
                .containsEntry("external_id", "00Q5e00000AbC01")
                .containsEntry("country", "US")
                .containsEntry("company_size", 1200)
                .containsEntry("source", "web");
        assertThat(((Timestamp) grace.get("created_at")).toInstant()).isEqualTo(Instant.parse("2024-03-15T00:00:00Z"));
        assertThat((String) grace.get("attributes"))
                .contains("\"lead_status\": \"Working - Contacted\"")
                .contains("\"rating\": \"Hot\"");
        Map<String, Object> linus = lead("linus@sf-fixture.example");
        assertThat(linus).containsEntry("country", "KR");
        assertThat(linus.get("source")).isNull();
        assertThat(linus.get("company_size")).isNull();
        assertThat(lead("ada@sf-fixture.example")).containsEntry("country", "GB");
    }

    @Test
    void the_rejected_rows_fixed_in_their_file_import_again() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String original = "Lead ID,Email,Created Date\n"
                + "A1-" + tag + ",fix-a-" + tag + "@acme.com,03/15/2024\n"
                + "A2-" + tag + ",fix-b-" + tag + "@acme.com,03/16/2024\n"
                + "A3-" + tag + ",fix-c-" + tag + "@acme.com,31/12/2023\n";
        ImportJob first = importWithTheGuessedMapping("fix-" + tag + ".csv", original.getBytes(StandardCharsets.UTF_8));
        assertThat(counts(first)).isEqualTo(new long[] {3, 2, 0, 1});

        String rejected = mvc.perform(get("/imports/{id}/rejected.csv", first.id())
                        .with(user("mia").roles("MARKETER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rejected)
                .startsWith("Lead ID,Email,Created Date,line,reason\r\n")
                .contains("A3-" + tag + ",fix-c-" + tag + "@acme.com,31/12/2023,4,");
        ImportJob again = importWithTheGuessedMapping(
                "fixed-" + tag + ".csv",
                rejected.replace("31/12/2023", "12/31/2023").getBytes(StandardCharsets.UTF_8));

        assertThat(counts(again)).isEqualTo(new long[] {1, 1, 0, 0});
        Map<String, Object> fixed = lead("fix-c-" + tag + "@acme.com");
        assertThat(((Timestamp) fixed.get("created_at")).toInstant()).isEqualTo(Instant.parse("2023-12-31T00:00:00Z"));
        assertThat((String) fixed.get("attributes")).doesNotContain("reason").doesNotContain("line");
    }

    @Test
    void a_facebook_lead_ads_export() throws Exception {
        ImportJob job = importWithTheGuessedMapping("facebook-lead-ads.csv");

        assertThat(counts(job)).isEqualTo(new long[] {3, 3, 0, 0});
        assertThat(jobs.firstWarnings(job.id(), 10))
                .extracting(ImportFindings.Warning::reason)
                .containsExactly("Name \"test@fb-fixture.example\" is an email address: taken as the email; "
                        + "country \"ZZ\" is not a country Leadline knows: left blank");
        Map<String, Object> helena = lead("helena@fb-fixture.example");
        assertThat(helena).containsEntry("external_id", "l:1201").containsEntry("company", "Prado Tech");
        assertThat(((Timestamp) helena.get("created_at")).toInstant()).isEqualTo(Instant.parse("2024-03-05T14:30:07Z"));
        assertThat(lead("joão.fernandes@fb-fixture.example"))
                .containsEntry("full_name", "JOÃO FERNANDES")
                .containsEntry("country", "PT");
    }

    @Test
    void a_crm_export_with_lead_statuses_sets_each_leads_stage_recorded_as_imported() throws Exception {
        ImportJob job = importWithTheGuessedMapping("crm-statuses.csv");

        assertThat(counts(job)).isEqualTo(new long[] {9, 9, 0, 0});
        assertThat(jobs.firstWarnings(job.id(), 10))
                .extracting(ImportFindings.Warning::reason)
                .containsExactly(
                        "stage \"Ringing\" is not mapped to a lifecycle stage: the stage comes from the score");
        assertThat(jdbc.sql("select string_agg(stage, ',' order by external_id) from lead where external_id like 'S-_'")
                        .query(String.class)
                        .single())
                .isEqualTo("OPPORTUNITY,DISQUALIFIED,MQL,SQL,ACCEPTED,WON,NEW,NEW,NEW");
        assertThat(jdbc.sql(
                                "select actor || ': ' || from_stage || ' > ' || to_stage from stage_change c join lead l on l.id = c.lead_id "
                                        + "where l.external_id = 'S-1'")
                        .query(String.class)
                        .list())
                .containsExactly("import: NEW > OPPORTUNITY");
        assertThat((String) lead("gil@status-fixture.example").get("attributes"))
                .contains("\"lead_status\": \"Ringing\"");

        // The CRM moves on: the same leads again, updated. An open lead moves; a won one is not reopened.
        String later =
                "Lead ID,Email,Lead Status\nS-3,cy@status-fixture.example,Closed Won\nS-6,flo@status-fixture.example,Working\n";
        ImportJob again =
                importWithTheGuessedMapping("crm-statuses-later.csv", later.getBytes(StandardCharsets.UTF_8), "UPDATE");
        assertThat(counts(again)).isEqualTo(new long[] {2, 0, 2, 0});
        assertThat(jdbc.sql(
                                "select string_agg(stage, ',' order by external_id) from lead where external_id in ('S-3', 'S-6')")
                        .query(String.class)
                        .single())
                .isEqualTo("WON,WON");
        assertThat(jobs.firstWarnings(again.id(), 10))
                .extracting(ImportFindings.Warning::reason)
                .containsExactly(
                        "stage Accepted by sales not applied: the lead is Won already, and a closed lead is not reopened by a file");
    }

    @Test
    void the_mapping_page_lists_a_stage_columns_values_and_a_choice_there_is_applied() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String file = "Email,Status\nring-" + tag + "@acme.com,Ringing\nconv-" + tag + "@acme.com,Converted\n";
        long id = upload("statuses-" + tag + ".csv", file.getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("What each value of Status means")))
                .andExpect(content()
                        .string(containsString("<input type=\"hidden\" name=\"stagevalue_1\" value=\"Converted\">")))
                .andExpect(content()
                        .string(containsString(
                                "<option value=\"OPPORTUNITY\" selected=\"selected\">Opportunity</option>")));
        mvc.perform(post("/imports/{id}/start", id)
                        .param("policy", "SKIP")
                        .param("dryRun", "false")
                        .param("field0", "EMAIL")
                        .param("field1", "STAGE")
                        .param("stagevalue_0", "Ringing")
                        .param("stage_0", "ACCEPTED")
                        .param("stagevalue_1", "Converted")
                        .param("stage_1", "IGNORE")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(jobs.find(id).orElseThrow().finished()).isTrue());

        assertThat(lead("ring-" + tag + "@acme.com")).containsEntry("stage", "ACCEPTED");
        assertThat(lead("conv-" + tag + "@acme.com"))
                .as("ignored: the score decides")
                .containsEntry("stage", "NEW");
        assertThat(jobs.warned(id)).isZero();
    }

    @Test
    void a_template_keeps_what_each_status_means_for_the_next_export_of_the_same_crm() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headers = "Email,Status,Note " + tag + "\n";
        long first = upload(
                "crm-" + tag + ".csv",
                (headers + "a-" + tag + "@acme.com,Ringing,x\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/imports/{id}/start", first)
                        .param("field0", "EMAIL")
                        .param("field1", "STAGE")
                        .param("field2", "CUSTOM")
                        .param("stagevalue_0", "Ringing")
                        .param("stage_0", "ACCEPTED")
                        .param("saveTemplate", "true")
                        .param("templateName", "Statuses " + tag)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", Matchers.startsWith("Saved the mapping as the template")));

        long second = upload(
                "crm-" + tag + "-2.csv",
                (headers + "b-" + tag + "@acme.com,Ringing,y\nc-" + tag + "@acme.com,Converted,z\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(jobs.find(second).orElseThrow().mapping().stages().stageOf("Ringing"))
                .contains(LifecycleStage.ACCEPTED);
        mvc.perform(get("/imports/{id}", second).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("<option value=\"ACCEPTED\" selected=\"selected\">")));
    }

    @Test
    void the_mapping_page_says_how_the_file_was_read_and_how_empty_each_column_is() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String file = "Email;Name;Phone\nr\u00e9my-" + tag + "@acme.fr;R\u00e9my;N/A\nzo\u00e9-" + tag
                + "@acme.fr;Zo\u00e9;+33 1 23\n";
        long id = upload("excel-" + tag + ".csv", file.getBytes(Charset.forName("windows-1252")));
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Read as Windows-1252 (Western European, older Excel), columns separated by semicolons; 2 rows under the header (fewer if cells span lines).")))
                .andExpect(content().string(containsString("50 % empty in the first 2 rows")))
                .andExpect(content().string(containsString("reads as r\u00e9my-" + tag + "@acme.fr")))
                .andExpect(content().string(containsString("R\u00e9my")));
    }

    @Test
    void a_files_own_words_for_nothing_are_read_as_empty_and_kept_with_its_template() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headers = "Email,Company,Job Title,Source " + tag + "\n";
        long id = upload(
                "tbd-" + tag + ".csv",
                (headers + "t1-" + tag + "@acme.com,TBD,-,web\nt2-" + tag + "@acme.com,Acme,Buyer,tbd\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/imports/{id}/start", id)
                        .param("policy", "SKIP")
                        .param("dryRun", "false")
                        .param("field0", "EMAIL")
                        .param("field1", "COMPANY")
                        .param("field2", "JOB_TITLE")
                        .param("field3", "CUSTOM")
                        .param("emptyValues", "tbd\n -  ")
                        .param("saveTemplate", "true")
                        .param("templateName", "Nothing words " + tag)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/imports/{id}/start", id)
                        .param("policy", "SKIP")
                        .param("dryRun", "false")
                        .param("field0", "EMAIL")
                        .param("field1", "COMPANY")
                        .param("field2", "JOB_TITLE")
                        .param("field3", "CUSTOM")
                        .param("emptyValues", "tbd\n -  ")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(jobs.find(id).orElseThrow().finished()).isTrue());
        assertThat(lead("t1-" + tag + "@acme.com"))
                .containsEntry("company", null)
                .containsEntry("job_title", null);
        assertThat(jdbc.sql("select attributes::text from lead where email = ?")
                        .param("t2-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .as("TBD in a custom column is nothing too")
                .isEqualTo("{}");

        long next = upload(
                "tbd-" + tag + "-2.csv",
                (headers + "t3-" + tag + "@acme.com,TBD,-,web\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/imports/{id}", next).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString(">-, tbd</textarea>")));
    }

    @Test
    void the_mapping_page_shows_how_a_date_column_reads_and_offers_its_formats() throws Exception {
        long id = upload("hubspot-contacts.csv");

        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<option value=\"MONTH_FIRST\" selected=\"selected\">Month first (03/05/2024)</option>")))
                .andExpect(content().string(containsString("&quot;2/5/24 1:51&quot; reads as 5 Feb 2024, 01:51")))
                .andExpect(content().string(containsString("Phone Number (2)")));
    }

    @Test
    void a_file_with_only_a_header_is_refused_at_upload_with_a_message() throws Exception {
        mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", "Email,Name\n".getBytes()))
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute(
                                "error", "The file has a header row and no rows under it: nothing to import."));
    }

    @Test
    void a_file_wider_than_the_cap_is_refused_at_upload_with_the_count() throws Exception {
        String header = String.join(
                ",", IntStream.rangeClosed(1, 5001).mapToObj(i -> "c" + i).toList());
        mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile(
                                "file", "wide.csv", "text/csv", (header + "\n" + header + "\n").getBytes()))
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute(
                                "error",
                                "The file has 5001 columns; Leadline imports at most 5000: remove the "
                                        + "columns you do not need and upload it again."));
    }

    private long upload(String fixture) throws Exception {
        return upload(fixture, ImportWizard.fixture(fixture));
    }

    private long upload(String fixture, byte[] bytes) throws Exception {
        return new ImportWizard(mvc, jobs).upload(fixture, bytes);
    }

    private ImportJob importWithTheGuessedMapping(String fixture) throws Exception {
        return importWithTheGuessedMapping(fixture, ImportWizard.fixture(fixture));
    }

    private ImportJob importWithTheGuessedMapping(String name, byte[] bytes) throws Exception {
        return importWithTheGuessedMapping(name, bytes, "SKIP");
    }

    private ImportJob importWithTheGuessedMapping(String name, byte[] bytes, String policy) throws Exception {
        return new ImportWizard(mvc, jobs).importWithTheGuessedMapping(name, bytes, policy);
    }

    /** Rows read, imported, updated, rejected. */
    private static long[] counts(ImportJob job) {
        return new long[] {job.rowsRead(), job.imported(), job.updated(), job.rejected()};
    }

    private Map<String, Object> lead(String email) {
        return jdbc.sql(
                        "select external_id, full_name, company, job_title, company_size, country, source, created_at, stage, "
                                + "attributes::text as attributes from lead where email = ?")
                .param(email)
                .query()
                .singleRow();
    }
}
