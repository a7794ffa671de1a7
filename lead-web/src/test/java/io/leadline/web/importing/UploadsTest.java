package io.leadline.web.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.importing.ImportField;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.UploadRetention;
import io.leadline.persistence.jobs.JobStatus;
import io.leadline.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How an upload is read (encoding and separator as detected, or as the user says) and how long it is kept: deleted
 * when its import is done, fails or is undone, kept for a dry run until the retention runs out; and the undo of an
 * outcomes import.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UploadsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UploadRetention retention;

    @Value("${leadline.import.dir:#{systemProperties['java.io.tmpdir'] + '/leadline-imports'}}")
    String importDir;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ImportWizard wizard() {
        return new ImportWizard(mvc, jobs);
    }

    @Test
    void the_separator_is_detected_and_can_be_chosen() throws Exception {
        long id = wizard().upload(
                        "pipes.csv",
                        ("Email|Company|Country\nana-" + tag + "@pipes.example|Acme, Inc|Brazil\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(jobs.find(id).orElseThrow().mapping().columns())
                .extracting(c -> c.field())
                .containsExactly(ImportField.EMAIL, ImportField.COMPANY, ImportField.COUNTRY);
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("columns separated by vertical bars (|)")));

        mvc.perform(post("/imports/{id}/reading", id)
                        .param("encoding", "")
                        .param("separator", ",")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(jobs.find(id).orElseThrow().mapping().columns())
                .extracting(c -> c.header())
                .containsExactly("Email|Company|Country");
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("columns separated by commas")))
                .andExpect(
                        content().string(containsString("<option value=\",\" selected=\"selected\">commas</option>")));

        mvc.perform(post("/imports/{id}/reading", id)
                .param("encoding", "")
                .param("separator", "")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        assertThat(jobs.find(id).orElseThrow().mapping().columns()).hasSize(3);
        ImportJob job = wizard().start(id, "SKIP", false);
        assertThat(job.imported()).isEqualTo(1);
        assertThat(jdbc.sql("select company from lead where email = ?")
                        .param("ana-" + tag + "@pipes.example")
                        .query(String.class)
                        .single())
                .isEqualTo("Acme, Inc");
    }

    @Test
    void a_choice_the_page_does_not_offer_is_refused_with_a_message() throws Exception {
        long id =
                wizard().upload("plain.csv", ("Email\nx-" + tag + "@plain.example\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/imports/{id}/reading", id)
                        .param("encoding", "EBCDIC")
                        .param("separator", "")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("Leadline reads files as UTF-8")));
        mvc.perform(post("/imports/{id}/reading", id)
                        .param("encoding", "")
                        .param("separator", "#")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Columns are separated by commas, semicolons, tabs or |."));
        assertThat(jobs.find(id).orElseThrow().reading().encoding()).isNull();
    }

    @Test
    void the_encoding_can_be_chosen_when_the_detection_is_wrong() throws Exception {
        long id = wizard().upload(
                        "accents.csv",
                        ("Email,First Name\njose-" + tag + "@enc.example,José\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Read as UTF-8")))
                .andExpect(content().string(containsString("José")));
        mvc.perform(post("/imports/{id}/reading", id)
                .param("encoding", "windows-1252")
                .param("separator", "")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Read as Windows-1252")))
                .andExpect(content().string(containsString("JosÃ©")));
    }

    @Test
    void excel_unicode_text_is_read_as_utf16_with_tabs() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        file.write(("Email\tFirst Name\tLast Name\r\njoao-" + tag + "@utf16.example\tJoão\tConceição\r\n")
                .getBytes(StandardCharsets.UTF_16LE));
        long id = wizard().upload("unicode.txt", file.toByteArray());
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Read as UTF-16 little-endian")))
                .andExpect(content().string(containsString("columns separated by tabs")));
        wizard().start(id, "SKIP", false);
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("joao-" + tag + "@utf16.example")
                        .query(String.class)
                        .single())
                .isEqualTo("João Conceição");
    }

    @Test
    void an_upload_is_deleted_when_its_import_is_done_and_kept_for_a_dry_run() throws Exception {
        long id = wizard().upload(
                        "kept.csv", ("Email\nkept-" + tag + "@retention.example\n").getBytes(StandardCharsets.UTF_8));
        Path stored = Path.of(jobs.find(id).orElseThrow().storedFile());
        assertThat(stored).exists();

        ImportJob dryRun = wizard().start(id, "SKIP", true);
        assertThat(dryRun.runnableForReal()).isTrue();
        assertThat(stored)
                .as("a dry run keeps the file for the import after it")
                .exists();

        mvc.perform(post("/imports/{id}/edit", id)
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        ImportJob done = wizard().start(id, "SKIP", false);
        assertThat(done.imported()).isEqualTo(1);
        // The file goes right after the job's end is committed (UploadRetention.importEnded), a moment after DONE
        // shows.
        Eventually.eventually(() -> {
            assertThat(stored).doesNotExist();
            assertThat(jobs.find(id).orElseThrow().fileDeleted()).isTrue();
        });
    }

    @Test
    void a_draft_left_longer_than_the_retention_loses_its_file_and_says_so() throws Exception {
        long id = wizard().upload(
                        "left.csv", ("Email\nleft-" + tag + "@retention.example\n").getBytes(StandardCharsets.UTF_8));
        Path stored = Path.of(jobs.find(id).orElseThrow().storedFile());
        jdbc.sql("update import_job set requested_at = now() - interval '25 hours' where id = ?")
                .param(id)
                .update();
        Path stray = Path.of(importDir).resolve("stray-" + tag + ".csv");
        Files.writeString(stray, "Email\nstray@retention.example\n");
        Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path fresh = Path.of(importDir).resolve("fresh-" + tag + ".csv");
        Files.writeString(fresh, "Email\n");

        assertThat(retention.sweep()).isGreaterThanOrEqualTo(2);

        assertThat(stored).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(fresh)
                .as("a file younger than the retention may be an upload on its way")
                .exists();
        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        mvc.perform(get("/imports/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("uploads are kept for at most a day")));
        Files.deleteIfExists(fresh);
    }

    @Test
    void an_outcomes_import_can_be_undone_and_leaves_leads_changed_since_as_they_are() throws Exception {
        String a = "won-" + tag + "@outcomes.example";
        String b = "lost-" + tag + "@outcomes.example";
        String c = "moved-" + tag + "@outcomes.example";
        wizard().importWithTheGuessedMapping(
                        "leads.csv",
                        ("Email,Lead Status\n" + a + ",Working\n" + b + ",New\n" + c + ",New\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "SKIP");
        long outcomes = wizard().upload(
                        "closed.csv",
                        ("email,outcome\n" + a + ",won\n" + b + ",lost\n" + c + ",won\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "OUTCOMES");
        ImportJob closed = wizard().start(outcomes, "SKIP", false);
        assertThat(closed.updated()).isEqualTo(3);
        assertThat(stages(a, b, c)).containsExactly("WON", "LOST", "WON");
        // A rep reopens one of them after the import: undo must not overwrite that.
        jdbc.sql("update lead set stage = 'SQL', outcome = null, version = version + 1 where email = ?")
                .param(c)
                .update();

        mvc.perform(get("/imports/{id}", outcomes).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("give the 3 leads this import closed back")));
        mvc.perform(post("/imports/{id}/undo", outcomes)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("Tick the box to confirm")));
        assertThat(stages(a, b, c)).containsExactly("WON", "LOST", "SQL");
        mvc.perform(post("/imports/{id}/undo", outcomes)
                        .param("confirm", "yes")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message",
                                "Import undone: 2 leads have their stage and outcome back; "
                                        + "1 changed since the import and stay as they are."));

        assertThat(stages(a, b, c)).containsExactly("ACCEPTED", "NEW", "SQL");
        assertThat(jdbc.sql("select count(*) from lead where email in (?, ?) and outcome is null")
                        .params(a, b)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "select to_stage from stage_change c join lead l on l.id = c.lead_id where l.email = ? order by c.id")
                        .param(a)
                        .query(String.class)
                        .list())
                .containsExactly("ACCEPTED", "WON", "ACCEPTED");
        assertThat(jdbc.sql("select s.stage from lead_score s join lead l on l.id = s.lead_id where l.email = ?")
                        .param(b)
                        .query(String.class)
                        .single())
                .isEqualTo("NEW");
        assertThat(jobs.find(outcomes).orElseThrow().status()).isEqualTo(JobStatus.UNDONE);
        mvc.perform(get("/imports/{id}", outcomes).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(not(containsString("Undo this import"))));
    }

    private List<String> stages(String... emails) {
        return List.of(emails).stream()
                .map(e -> jdbc.sql("select stage from lead where email = ?")
                        .param(e)
                        .query(String.class)
                        .single())
                .toList();
    }
}
