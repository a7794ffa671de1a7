package io.leadline.web.importing;

import static io.leadline.testing.Eventually.until;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.importing.ImportField;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.jobs.JobStatus;
import io.leadline.web.i18n.PageMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

@SpringBootTest
@AutoConfigureMockMvc
class ImportWizardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PageMessages pageMessages;

    @Autowired
    ImportJobs jobs;

    private long upload(String csv) throws Exception {
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring("/imports/".length()));
    }

    private ImportJob waitFor(long id) throws Exception {
        return until(Duration.ofSeconds(30), "import " + id, () -> jobs.find(id).orElseThrow(), ImportJob::finished);
    }

    @Test
    void a_marketer_previews_maps_dry_runs_imports_and_downloads_the_rejected_rows() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = upload("E-mail,Full Name,Organisation,Job Title\n"
                + "w1-" + tag + "@acme.com,Ana,Acme,CTO\n"
                + "=cmd|' /C calc'!A0,Evil,Acme,CTO\n");

        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("w1-" + tag + "@acme.com")))
                .andExpect(content()
                        .string(containsString("<option value=\"EMAIL\" selected=\"selected\">Email</option>")))
                .andExpect(content()
                        .string(containsString("<option value=\"COMPANY\" selected=\"selected\">Company</option>")));

        mvc.perform(post("/imports/{id}/start", id)
                        .param("field0", "EMAIL")
                        .param("field1", "FULL_NAME")
                        .param("field2", "COMPANY")
                        .param("field3", "JOB_TITLE")
                        .param("policy", "SKIP")
                        .param("dryRun", "true")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/imports/" + id));
        ImportJob dry = waitFor(id);
        assertThat(dry.imported()).isEqualTo(1);
        assertThat(dry.rejected()).isEqualTo(1);
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Dry run: what the import would do")));

        mvc.perform(post("/imports/{id}/edit", id)
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        mvc.perform(post("/imports/{id}/start", id)
                .param("field0", "EMAIL")
                .param("field1", "FULL_NAME")
                .param("field2", "COMPANY")
                .param("field3", "JOB_TITLE")
                .param("policy", "SKIP")
                .param("dryRun", "false")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        ImportJob done = waitFor(id);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.imported()).isEqualTo(1);

        String rejected = mvc.perform(
                        get("/imports/{id}/rejected.csv", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The file's own columns, then line and reason: fix the cells and import it again.
        assertThat(rejected).startsWith("E-mail,Full Name,Organisation,Job Title,line,reason\r\n");
        assertThat(rejected).contains("'=cmd|' /C calc'!A0,Evil,Acme,CTO,3,").doesNotContain(",=cmd");

        mvc.perform(post("/imports/{id}/undo", id)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error",
                                "Tick the box to confirm: undo removes the 1 leads this import created, "
                                        + "and cannot itself be undone."));
        assertThat(jobs.find(id).orElseThrow().status())
                .as("nothing undone unconfirmed")
                .isEqualTo(JobStatus.DONE);
        mvc.perform(post("/imports/{id}/undo", id)
                        .param("confirm", "yes")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Import undone: 1 leads it created are removed."));
    }

    @Test
    void a_mapping_without_email_or_external_id_is_refused_with_a_reason() throws Exception {
        long id = upload("Name,Company\nAna,Acme\n");
        mvc.perform(post("/imports/{id}/start", id)
                        .param("field0", "FULL_NAME")
                        .param("field1", "COMPANY")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error",
                                "Map a column to Email or to External id: Leadline needs one to tell leads apart."));
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(JobStatus.DRAFT);
    }

    @Test
    void empty_and_binary_uploads_get_a_sentence_not_an_error_page() throws Exception {
        var empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);
        mvc.perform(multipart("/imports")
                        .file(empty)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("error", "Choose a CSV file to import; the one sent was empty."));
        var binary = new MockMultipartFile(
                "file", "leads.xlsx", "application/octet-stream", new byte[] {0x50, 0x4B, 3, 4, 0, 0});
        mvc.perform(multipart("/imports")
                        .file(binary)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error",
                                "This is a spreadsheet workbook (.xlsx) or another zip archive, not CSV: "
                                        + "save it as CSV (in Excel: File → Save As → CSV UTF-8) and upload that."));
    }

    @Test
    void a_file_over_the_limit_is_refused_with_the_limit_named() {
        var redirect = new RedirectAttributesModelMap();
        String view = new UploadLimit("200MB", pageMessages).tooLarge(redirect);
        assertThat(view).isEqualTo("redirect:/imports");
        assertThat(redirect.getFlashAttributes().get("error").toString())
                .startsWith("The file is larger than the 200MB Leadline accepts.");
    }

    @Test
    void a_saved_template_maps_the_next_file_with_the_same_headers() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headers = "Contact " + tag + ",Org " + tag + ",Mail " + tag + "\n";
        long first = upload(headers + "Ana,Acme,ana-" + tag + "@acme.com\n");
        // "Contact …" and "Org …" are not recognised: the guess keeps them as custom attributes.
        assertThat(jobs.find(first).orElseThrow().mapping().columns())
                .extracting(c -> c.field())
                .containsExactly(ImportField.CUSTOM, ImportField.CUSTOM, ImportField.CUSTOM);

        mvc.perform(post("/imports/{id}/start", first)
                        .param("field0", "FULL_NAME")
                        .param("field1", "COMPANY")
                        .param("field2", "EMAIL")
                        .param("saveTemplate", "true")
                        .param("templateName", "CRM " + tag)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message",
                                "Saved the mapping as the template \"CRM " + tag
                                        + "\": files with these headers will be mapped this way."));
        assertThat(jobs.find(first).orElseThrow().status()).isEqualTo(JobStatus.DRAFT);

        long second = upload(headers + "Bo,Beta,bo-" + tag + "@beta.com\n");
        assertThat(jobs.find(second).orElseThrow().mapping().columns())
                .extracting(c -> c.field())
                .containsExactly(ImportField.FULL_NAME, ImportField.COMPANY, ImportField.EMAIL);
    }

    @Test
    void a_sales_rep_cannot_import() throws Exception {
        mvc.perform(get("/imports").with(user("sam").roles("SALES"))).andExpect(status().isForbidden());
    }
}
