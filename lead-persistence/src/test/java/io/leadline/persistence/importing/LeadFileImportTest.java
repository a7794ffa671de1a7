package io.leadline.persistence.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.jobs.JobStatus;
import io.leadline.persistence.scoring.Rescoring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class LeadFileImportTest {

    @Autowired
    LeadFileImport leads;

    @Autowired
    OutcomeFileImport outcomes;

    @Autowired
    ImportJobs jobs;

    @Autowired
    Rescoring rescoring;

    @Autowired
    ScoringModels models;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private Path olist(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/olist/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private Path file(String content, Charset charset) throws IOException {
        Path path = dir.resolve(UUID.randomUUID() + ".csv");
        Files.write(path, content.getBytes(charset));
        return path;
    }

    private Path file(String content) throws IOException {
        return file(content, StandardCharsets.UTF_8);
    }

    /** Creates the job as the wizard would (guessed mapping), queues it with the policy, and runs it. */
    private ImportCounts run(ImportJob.Kind kind, Path file, DuplicatePolicy policy, boolean dryRun) {
        return run(kind, file, policy, dryRun, false);
    }

    private ImportCounts run(ImportJob.Kind kind, Path file, DuplicatePolicy policy, boolean dryRun, boolean slaClock) {
        CsvFile csv = CsvFile.open(file);
        ColumnMapping mapping = ColumnMapping.guess(csv.preview(0).getFirst());
        long id = jobs.create(
                kind,
                file.getFileName().toString(),
                file.toString(),
                csv.size(),
                csv.lineCount(),
                "tester",
                mapping,
                now);
        jobs.queue(id, mapping, policy, dryRun, slaClock);
        ImportJob job = jobs.find(id).orElseThrow();
        lastJob = id;
        return kind == ImportJob.Kind.LEADS ? leads.run(job, now) : outcomes.run(job, now);
    }

    private long lastJob;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private List<String> reasons() {
        List<String> out = new ArrayList<>();
        jobs.rejections(lastJob, r -> out.add(r.rowNumber() + ": " + r.reason()));
        return out;
    }

    @Test
    void the_olist_mqls_import_whole_then_again_without_duplicates_and_their_outcomes_all_match() throws IOException {
        // Unique ids for this test: the test database is shared by the run.
        Path mqls = olist("marketing_qualified_leads.csv");
        ImportCounts first = run(ImportJob.Kind.LEADS, mqls, DuplicatePolicy.SKIP, false);

        assertThat(first).isEqualTo(new ImportCounts(8000, 8000, 0, 0, 0));
        assertThat(count("select count(*) from lead where import_job_id = ?", lastJob))
                .isEqualTo(8000);
        assertThat(count(
                        "select count(*) from lead l join lead_score s on s.lead_id = l.id where l.import_job_id = ?",
                        lastJob))
                .isEqualTo(8000);
        assertThat(
                        count(
                                "select count(*) from lead where external_id = 'dac32acd4db4c29c230538b72f8dd87d' and source = 'social' "
                                        + "and created_at = '2018-02-01T00:00:00Z' and attributes->>'landing_page_id' = '88740e65d5d6b056e0cda098e1ea6313'"))
                .isEqualTo(1);
        // 60 leads have no origin, and 1,099 the placeholder "unknown", which is no source either (CellText).
        assertThat(count("select count(*) from lead where import_job_id = ? and source is null", lastJob))
                .isEqualTo(60 + 1099);

        ImportCounts again = run(ImportJob.Kind.LEADS, mqls, DuplicatePolicy.SKIP, false);
        assertThat(again).isEqualTo(new ImportCounts(8000, 0, 0, 8000, 0));

        ImportCounts won = run(ImportJob.Kind.OUTCOMES, olist("closed_deals.csv"), DuplicatePolicy.SKIP, false);
        assertThat(won).isEqualTo(new ImportCounts(842, 0, 842, 0, 0));
        assertThat(count("select count(*) from lead where outcome = 'WON' and stage = 'WON' and external_id in "
                        + "(select external_id from lead where outcome = 'WON')"))
                .isEqualTo(842);
        // Win rate by origin from the data set's README: paid_search 12.3 %, email 3.0 %.
        assertThat(count("select round(1000.0 * count(*) filter (where outcome = 'WON') / count(*)) from lead "
                        + "where external_id is not null and length(external_id) = 32 and source = 'paid_search'"))
                .isEqualTo(123);
        assertThat(count("select round(1000.0 * count(*) filter (where outcome = 'WON') / count(*)) from lead "
                        + "where external_id is not null and length(external_id) = 32 and source = 'email'"))
                .isEqualTo(30);
    }

    @Test
    void an_imports_mqls_are_history_without_a_response_clock_unless_the_import_says_sales_should_answer_now()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String history = "history-" + tag + "@acme.com";
        String fresh = "fresh-" + tag + "@acme.com";
        String header = "email,name,company,title,company size,lifecycle stage,create date\n";
        run(
                ImportJob.Kind.LEADS,
                file(header + history + ",Hana,Acme,CEO,3000,MQL,2019-03-01\n"),
                DuplicatePolicy.SKIP,
                false);
        run(
                ImportJob.Kind.LEADS,
                file(header + fresh + ",Fred,Acme,CEO,3000,MQL,2019-03-01\n"),
                DuplicatePolicy.SKIP,
                false,
                true);

        String clock = "select s.queued_at from lead_score s join lead l on l.id = s.lead_id where l.email = ?";
        assertThat(jdbc.sql("select s.stage from lead_score s join lead l on l.id = s.lead_id where l.email = ?")
                        .param(history)
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        assertThat(jdbc.sql(clock).param(history).query(Timestamp.class).optional())
                .isEmpty();
        assertThat(jdbc.sql(clock).param(fresh).query(Timestamp.class).single().toInstant())
                .isEqualTo(now);
    }

    @Test
    void a_consent_and_an_opt_out_column_give_consent_or_do_not_contact_new_and_updated_leads_alike()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String header = "email,name,Marketing consent,HasOptedOutOfEmail\n";
        run(
                ImportJob.Kind.LEADS,
                file(header + "yes-" + tag + "@acme.com,Ana,Yes,false\n" + "no-" + tag + "@acme.com,Bo,No,\n" + "out-"
                        + tag + "@acme.com,Cy,sim,TRUE\n" + "odd-" + tag + "@acme.com,Di,maybe,\n"),
                DuplicatePolicy.SKIP,
                false);
        assertThat(contact("yes-" + tag + "@acme.com")).isEqualTo("GIVEN IMPORT false");
        assertThat(contact("no-" + tag + "@acme.com")).isEqualTo("WITHDRAWN IMPORT true");
        assertThat(contact("out-" + tag + "@acme.com"))
                .as("the opt-out column wins")
                .isEqualTo("WITHDRAWN IMPORT true");
        assertThat(contact("odd-" + tag + "@acme.com")).isEqualTo("- - false");
        assertThat(jdbc.sql("select reason from import_warning where job_id = ?")
                        .param(lastJob)
                        .query(String.class)
                        .list())
                .anyMatch(w -> w.contains("marketing consent \"maybe\" is neither yes nor no"));

        // A later export says the first person opted out, and the fourth consented: both change, whatever the policy.
        run(
                ImportJob.Kind.LEADS,
                file(header + "yes-" + tag + "@acme.com,Ana,,1\n" + "odd-" + tag + "@acme.com,Di,opted in,\n"),
                DuplicatePolicy.FILL_BLANKS,
                false);
        assertThat(contact("yes-" + tag + "@acme.com")).isEqualTo("WITHDRAWN IMPORT true");
        assertThat(contact("odd-" + tag + "@acme.com")).isEqualTo("GIVEN IMPORT false");
        assertThat(jobs.updatedLeads(lastJob)).hasSize(2);
    }

    private String contact(String email) {
        return jdbc.sql(
                        "select coalesce(consent, '-') || ' ' || coalesce(consent_source, '-') || ' ' || do_not_contact from lead where email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    @Test
    void duplicates_in_the_file_merge_and_existing_leads_follow_the_policy() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = "a-" + tag + "@acme.com";
        String b = "b-" + tag + "@acme.com";
        run(ImportJob.Kind.LEADS, file("email,name,company,title\n" + a + ",Ana,Acme,\n"), DuplicatePolicy.SKIP, false);

        String next = "email,name,company,title\n" + a + ",Ana Souza,Acme Corp,CTO\n" + b + ",Bo,Beta,\n"
                + b.toUpperCase() + ",Bo again,Beta,\n";
        assertThat(run(ImportJob.Kind.LEADS, file(next), DuplicatePolicy.FILL_BLANKS, false))
                .isEqualTo(new ImportCounts(3, 1, 1, 1, 0));
        var filled = jdbc.sql("select full_name, company, job_title from lead where email = ?")
                .param(a)
                .query()
                .singleRow();
        assertThat(filled)
                .containsEntry("full_name", "Ana")
                .containsEntry("company", "Acme")
                .containsEntry("job_title", "CTO");
        assertThat(count("select count(*) from lead where email = ?", b)).isEqualTo(1);

        assertThat(run(ImportJob.Kind.LEADS, file(next), DuplicatePolicy.UPDATE, false))
                .isEqualTo(new ImportCounts(3, 0, 1, 2, 0));
        var updated = jdbc.sql("select full_name, company from lead where email = ?")
                .param(a)
                .query()
                .singleRow();
        assertThat(updated).containsEntry("full_name", "Ana Souza").containsEntry("company", "Acme Corp");
        // The CTO title now scores: the update rescored the lead.
        assertThat(count("select s.score from lead_score s join lead l on l.id = s.lead_id where l.email = ?", a))
                .isEqualTo(30);
        assertThat(jobs.updatedLeads(lastJob)).hasSize(1);
    }

    @Test
    void an_updated_lead_is_rescored_with_its_activities_as_a_full_rescoring_would_score_it() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "engaged-" + tag + "@acme.com";
        run(
                ImportJob.Kind.LEADS,
                file("email,name,company,title\n" + email + ",Eva,Acme,\n"),
                DuplicatePolicy.SKIP,
                false);
        long id = count("select id from lead where email = ?", email);
        for (String type : new String[] {"pricing_page_visit", "content_download", "email_click"}) {
            jdbc.sql("insert into activity (lead_id, type, occurred_at) values (?, ?, ?)")
                    .params(id, type, Timestamp.from(now))
                    .update();
        }

        assertThat(run(
                        ImportJob.Kind.LEADS,
                        file("email,name,company,title\n" + email + ",Eva,Acme,CTO\n"),
                        DuplicatePolicy.UPDATE,
                        false))
                .isEqualTo(new ImportCounts(1, 0, 1, 0, 0));

        assertThat(count("select engagement_points from lead_score where lead_id = ?", id))
                .isPositive();
        // What the import stored is what rescoring the lead with the same model, now, gives: nothing left to change.
        assertThat(rescoring.rescore(models.active(), new long[] {id}, now).changed())
                .isZero();
    }

    @Test
    void new_leads_over_many_slices_get_their_accounts_named_as_first_spelled_and_later_duplicates_merge()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int rows = 3 * LeadFileImport.SLICE + 17;
        StringBuilder csv = new StringBuilder("email,name,company,lead id\n");
        for (int i = 0; i < rows; i++) {
            // Every slice names companies no earlier slice did; each company is spelled two ways, "Inc." first.
            String company =
                    (i % 3 == 0 ? "Firm " + tag + " " + i / 3 + " Inc." : "FIRM " + tag.toUpperCase() + " " + i / 3);
            csv.append("s")
                    .append(i)
                    .append('-')
                    .append(tag)
                    .append("@acme.com,Lead ")
                    .append(i)
                    .append(',')
                    .append(company)
                    .append(",ext-")
                    .append(tag)
                    .append('-')
                    .append(i)
                    .append('\n');
        }
        // Two duplicates of earlier rows: one by external id under another email, one by email in other letters.
        csv.append("late-")
                .append(tag)
                .append("@acme.com,Late,Other,ext-")
                .append(tag)
                .append("-5\n");
        csv.append("S10-").append(tag.toUpperCase()).append("@ACME.COM,Again,Other,\n");

        ImportCounts counts = run(ImportJob.Kind.LEADS, file(csv.toString()), DuplicatePolicy.SKIP, false);

        assertThat(counts).isEqualTo(new ImportCounts(rows + 2, rows, 0, 2, 0));
        assertThat(count(
                        "select count(*) from lead l join lead_score s on s.lead_id = l.id where l.import_job_id = ?",
                        lastJob))
                .isEqualTo(rows);
        long accounts = (rows + 2) / 3;
        assertThat(count(
                        "select count(distinct a.id) from lead l join account a on a.id = l.account_id "
                                + "where l.import_job_id = ? and a.key = 'firm ' || ? || ' ' || ((substring(l.email from 2 for position('-' in l.email) - 2))::int / 3)",
                        lastJob,
                        tag))
                .isEqualTo(accounts);
        assertThat(count("select count(*) from lead where import_job_id = ? and account_id is null", lastJob))
                .isZero();
        assertThat(count(
                        "select count(*) from account where key like 'firm ' || ? || ' %' and name like 'Firm % Inc.'",
                        tag))
                .isEqualTo(accounts);
        assertThat(count("select count(*) from account where key like 'firm ' || ? || ' %'", tag))
                .isEqualTo(accounts);
        assertThat(jdbc.sql("select email from lead where external_id = ?")
                        .param("ext-" + tag + "-5")
                        .query(String.class)
                        .single())
                .isEqualTo("s5-" + tag + "@acme.com");
        assertThat(count(
                        "select count(*) from lead where email = ? or full_name = 'Late'", "late-" + tag + "@acme.com"))
                .isZero();
    }

    @Test
    void new_leads_over_several_chunks_are_stored_with_their_scores_and_stage_changes_while_reading_goes_on()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int rows = 2 * LeadFileImport.CHUNK + 100;
        StringBuilder csv = new StringBuilder("email,name,company,job title,employees\n");
        for (int i = 0; i < rows; i++) {
            // A few companies, all named by the first slice: later chunks are stored while the next are read.
            csv.append("c")
                    .append(i)
                    .append('-')
                    .append(tag)
                    .append("@firm")
                    .append(i % 7)
                    .append(".com,Lead ")
                    .append(i)
                    .append(",Chunk Firm ")
                    .append(tag)
                    .append(' ')
                    .append(i % 7)
                    .append(i % 2 == 0 ? ",VP Marketing,500\n" : ",Student,1\n");
        }
        // A late duplicate of the first chunk's first lead.
        csv.append("C0-").append(tag.toUpperCase()).append("@FIRM0.COM,Again,Other,,\n");

        ImportCounts counts = run(ImportJob.Kind.LEADS, file(csv.toString()), DuplicatePolicy.SKIP, false);

        assertThat(counts).isEqualTo(new ImportCounts(rows + 1, rows, 0, 1, 0));
        assertThat(count(
                        "select count(*) from lead l join lead_score s on s.lead_id = l.id and s.stage = l.stage "
                                + "where l.import_job_id = ? and l.account_id is not null",
                        lastJob))
                .isEqualTo(rows);
        long moved = count("select count(*) from lead where import_job_id = ? and stage <> 'NEW'", lastJob);
        assertThat(count(
                        "select count(*) from stage_change c join lead l on l.id = c.lead_id "
                                + "where l.import_job_id = ? and c.from_stage = 'NEW' and c.to_stage = l.stage",
                        lastJob))
                .isEqualTo(moved);
        assertThat(count("select count(distinct account_id) from lead where import_job_id = ?", lastJob))
                .isEqualTo(7);
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("c0-" + tag + "@firm0.com")
                        .query(String.class)
                        .single())
                .isEqualTo("Lead 0");

        // So many new leads refresh the planner's statistics once the job is done.
        long leadsNow = count("select count(*) from lead");
        leads.refreshStatistics(jobs.find(lastJob).orElseThrow(), counts);
        assertThat(count("select reltuples::bigint from pg_class where relname = 'lead'"))
                .isEqualTo(leadsNow);
    }

    @Test
    void an_account_is_named_as_the_file_first_spells_it_even_by_a_duplicate_row_but_not_created_for_duplicates_alone()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "email,name,company\n"
                + "a-" + tag + "@acme.com,A,Foo " + tag + "\n"
                + "A-" + tag + "@ACME.COM,A again,Bar " + tag
                + " Inc.\n" // a duplicate of the first row names Bar first
                + "A-" + tag + "@acme.com,A thrice,Baz " + tag + "\n" // Baz is named by duplicates only
                + "b-" + tag + "@acme.com,B,BAR " + tag.toUpperCase() + "\n";

        assertThat(run(ImportJob.Kind.LEADS, file(csv), DuplicatePolicy.SKIP, false))
                .isEqualTo(new ImportCounts(4, 2, 0, 2, 0));

        assertThat(jdbc.sql("select a.name from lead l join account a on a.id = l.account_id where l.email = ?")
                        .param("b-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("Bar " + tag + " Inc.");
        assertThat(count("select count(*) from account where key = ?", "baz " + tag))
                .isZero();
    }

    @Test
    void a_row_sharing_an_external_id_with_an_earlier_new_lead_merges_into_it_even_when_its_email_is_a_stored_lead()
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String stored = "stored-" + tag + "@acme.com";
        run(ImportJob.Kind.LEADS, file("email,name\n" + stored + ",Stored\n"), DuplicatePolicy.SKIP, false);

        // The first row is a new lead (it goes straight in); the second shares its external id, so it is a duplicate
        // in the file and must not update the stored lead its email names.
        String next = "email,name,lead id\nnew-" + tag + "@acme.com,New,x-" + tag + "\n" + stored + ",Changed,x-" + tag
                + "\n";
        assertThat(run(ImportJob.Kind.LEADS, file(next), DuplicatePolicy.UPDATE, false))
                .isEqualTo(new ImportCounts(2, 1, 0, 1, 0));

        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param(stored)
                        .query(String.class)
                        .single())
                .isEqualTo("Stored");
        assertThat(jdbc.sql("select email from lead where external_id = ?")
                        .param("x-" + tag)
                        .query(String.class)
                        .single())
                .isEqualTo("new-" + tag + "@acme.com");
    }

    @Test
    void a_dry_run_counts_and_keeps_its_rejections_but_stores_no_lead() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = file("email,name\nd1-" + tag + "@acme.com,Di\nnot-an-email,Ed\n");

        assertThat(run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, true))
                .isEqualTo(new ImportCounts(2, 1, 0, 0, 1));

        assertThat(count("select count(*) from lead where email = ?", "d1-" + tag + "@acme.com"))
                .isZero();
        assertThat(reasons()).containsExactly("3: \"not-an-email\" is not a valid email address");
    }

    @Test
    void undo_removes_the_leads_an_import_created_and_the_accounts_it_leaves_empty() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        run(
                ImportJob.Kind.LEADS,
                file("email,company\nkeep-" + tag + "@acme.com,Kept " + tag + "\n"),
                DuplicatePolicy.SKIP,
                false);
        run(
                ImportJob.Kind.LEADS,
                file("email,company\nu1-" + tag + "@acme.com,Gone " + tag + "\nu2-" + tag + "@acme.com,Kept " + tag
                        + "\n"),
                DuplicatePolicy.SKIP,
                false);
        jobs.finish(lastJob, new ImportCounts(2, 2, 0, 0, 0), now);

        assertThat(jobs.undo(lastJob)).isEqualTo(2);
        assertThat(count("select count(*) from lead where email like ?", "u_-" + tag + "@acme.com"))
                .isZero();
        assertThat(count("select count(*) from account where name = ?", "Gone " + tag))
                .as("left empty: removed")
                .isZero();
        assertThat(count("select count(*) from account where name = ?", "Kept " + tag))
                .as("still has a lead")
                .isOne();
        assertThat(jobs.find(lastJob).orElseThrow().status()).isEqualTo(JobStatus.UNDONE);
    }

    // --- malformed files: every row is accounted for and nothing crashes ---

    @Test
    void ragged_rows_bad_values_and_a_huge_cell_are_rejected_with_reasons() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String huge = "x".repeat(10 * 1024 * 1024);
        Path csv = file("email,name,country,company size,notes\n"
                + "ok-" + tag + "@acme.com,Ok,Brazil,50,fine\n"
                + "ragged-" + tag + "@acme.com,Ragged,Acme, Inc,5,\n"
                + "c-" + tag + "@acme.com,Cy,Atlantis,5,\n"
                + "s-" + tag + "@acme.com,Sy,BR,lots,\n"
                + "h-" + tag + "@acme.com,Hu,BR,5," + huge + "\n"
                + "=HYPERLINK(\"x\")-" + tag + "@acme.com,Formula,BR,5,\n");

        ImportCounts counts = run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false);

        assertThat(counts).isEqualTo(new ImportCounts(6, 2, 0, 0, 4));
        // An unknown country costs the lead its country only, with a warning (LeadRow).
        assertThat(jdbc.sql("select count(*) from lead where email = ? and country is null")
                        .param("c-" + tag + "@acme.com")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select row_number || ': ' || reason from import_warning w join lead l on l.import_job_id = w.job_id "
                                        + "where l.email = ?")
                        .param("c-" + tag + "@acme.com")
                        .query(String.class)
                        .list())
                .containsExactly("4: country \"Atlantis\" is not a country Leadline knows: left blank");
        assertThat(reasons())
                .containsExactly(
                        "3: the row has 6 cells but the header has 5: a value holds the separator without quotes, so its cells would "
                                + "land in the wrong columns",
                        "5: company size \"lots\" is not a number of employees",
                        "6: notes is longer than 1000 characters",
                        "7: \"=HYPERLINK(\"x\")-" + tag + "@acme.com\" is not a valid email address");
    }

    @Test
    void a_stray_nul_is_removed_and_a_nul_in_a_rejected_row_is_kept_out_of_the_rejections() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = file("email,name,company size\n"
                + "nul-" + tag + "@acme.com,Nu\u0000ll Name,10\n"
                + "bad-" + tag + "@acme.com,Bad\u0000,lots\n");

        assertThat(run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false))
                .isEqualTo(new ImportCounts(2, 1, 0, 0, 1));
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("nul-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("Null Name");
        assertThat(reasons()).containsExactly("3: company size \"lots\" is not a number of employees");
    }

    @Test
    void one_line_that_is_not_utf8_costs_that_row_not_the_files_accents() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] utf8 = ("email,name\n" + "a-" + tag + "@acme.com,João Conceição\n" + "b-" + tag
                        + "@acme.com,Zoë Müller\n" + "c-" + tag + "@acme.com,Cerâmica Paraná\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin = ("d-" + tag + "@acme.com,José\n").getBytes(Charset.forName("windows-1252"));
        Path path = dir.resolve(UUID.randomUUID() + ".csv");
        Files.write(
                path,
                ByteBuffer.allocate(utf8.length + latin.length)
                        .put(utf8)
                        .put(latin)
                        .array());

        assertThat(CsvFile.open(path).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(run(ImportJob.Kind.LEADS, path, DuplicatePolicy.SKIP, false))
                .isEqualTo(new ImportCounts(4, 3, 0, 0, 1));
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("a-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("João Conceição");
        assertThat(reasons())
                .containsExactly("5: name holds bytes that are not text in the file's encoding (UTF-8); "
                        + "fix the cell or export the file as UTF-8 again");
    }

    @Test
    void a_workbook_is_refused_with_what_to_do() throws IOException {
        Path xlsx = dir.resolve("leads.xlsx");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});
        Assertions.assertThatThrownBy(() -> CsvFile.open(xlsx))
                .isInstanceOf(CsvFile.UnreadableFileException.class)
                .hasMessageContaining("save it as CSV");
    }

    @Test
    void semicolons_tabs_a_bom_and_windows_1252_are_read() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(run(
                        ImportJob.Kind.LEADS,
                        file("\uFEFFEmail;Name;Company\nbom-" + tag + "@acme.com;Zoë;Café Ltda\n"),
                        DuplicatePolicy.SKIP,
                        false))
                .isEqualTo(new ImportCounts(1, 1, 0, 0, 0));
        assertThat(jdbc.sql("select full_name || '/' || company from lead where email = ?")
                        .param("bom-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("Zoë/Café Ltda");

        assertThat(run(
                                ImportJob.Kind.LEADS,
                                file("email\tname\ntab-" + tag + "@acme.com\tTab\n"),
                                DuplicatePolicy.SKIP,
                                false)
                        .imported())
                .isEqualTo(1);

        assertThat(run(
                                ImportJob.Kind.LEADS,
                                file(
                                        "email,name\ncp-" + tag + "@acme.com,José Müller\n",
                                        Charset.forName("windows-1252")),
                                DuplicatePolicy.SKIP,
                                false)
                        .imported())
                .isEqualTo(1);
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("cp-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("José Müller");
    }

    @Test
    void quoted_cells_with_newlines_import_and_an_unbalanced_quote_rejects_the_rest() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = file("email,name,notes\n"
                + "q1-" + tag + "@acme.com,\"Souza, Ana\",\"line one\nline two\"\n"
                + "q2-" + tag + "@acme.com,Open,\"never closed\n"
                + "q3-" + tag + "@acme.com,Lost,x\n");

        ImportCounts counts = run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false);

        assertThat(counts.imported()).isEqualTo(1);
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(counts.rowsRead()).isEqualTo(2);
        assertThat(jdbc.sql("select attributes->>'notes' from lead where email = ?")
                        .param("q1-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("line one\nline two");
        assertThat(reasons().getFirst())
                .isEqualTo("4: a quote opened on line 4 is never closed, so the file cannot be read from "
                        + "there on: lines 4 to 5 (2 lines) are not imported; close the quote and import the file again (the rows "
                        + "before line 4 are in)");
    }

    @Test
    void a_nul_and_a_bad_byte_after_the_first_megabyte_cost_their_rows_only() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes("email,name,notes\n".getBytes(StandardCharsets.UTF_8));
        int rows = 17_000;
        for (int i = 0; i < rows; i++) {
            String line = "late-" + i + "-" + tag + "@acme.com,Late Lead " + i
                    + ",a note of some length to pass the first megabyte\n";
            if (i == 16_000) {
                line = line.replace("Late Lead", "Late\u0000 Lead");
            }
            byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
            if (i == 16_500) {
                encoded[encoded.length - 3] = (byte) 0xC3; // a lone lead byte: not UTF-8
            }
            bytes.writeBytes(encoded);
        }
        assertThat(bytes.size()).isGreaterThan(1 << 20);
        Path csv = dir.resolve("late-" + tag + ".csv");
        Files.write(csv, bytes.toByteArray());

        ImportCounts counts = run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false);

        assertThat(counts.rowsRead()).isEqualTo(rows);
        assertThat(counts.imported()).isEqualTo(rows - 1);
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(reasons().getFirst()).contains("holds bytes that are not text in the file's encoding (UTF-8)");
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param("late-16000-" + tag + "@acme.com")
                        .query(String.class)
                        .single())
                .isEqualTo("Late Lead 16000");
    }

    @Test
    void empty_zero_byte_binary_and_header_only_files() throws IOException {
        assertThatThrownBy(() -> CsvFile.open(file(""))).hasMessage("The file is empty.");
        Path binary = dir.resolve("binary.csv");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        }
        Files.write(binary, bytes);
        assertThatThrownBy(() -> CsvFile.open(binary)).hasMessageContaining("not a text file");
        Files.write(binary, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 1});
        assertThatThrownBy(() -> CsvFile.open(binary)).hasMessageContaining("zip archive, not CSV");

        assertThat(run(ImportJob.Kind.LEADS, file("email,name\n"), DuplicatePolicy.SKIP, false))
                .isEqualTo(new ImportCounts(0, 0, 0, 0, 0));
    }

    @Test
    void outcomes_for_unknown_leads_are_rejected_with_the_key() throws IOException {
        assertThat(run(
                        ImportJob.Kind.OUTCOMES,
                        file("mql_id,won_date\nno-such-id,2018-06-14 15:28:00\n"),
                        DuplicatePolicy.SKIP,
                        false))
                .isEqualTo(new ImportCounts(1, 0, 0, 0, 1));
        assertThat(reasons()).containsExactly("2: no lead with the email or external id \"no-such-id\"");
    }

    @Test
    void a_lead_another_writer_creates_meanwhile_is_merged_not_duplicated_and_the_rest_imports() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String raced = "raced-" + tag + "@acme.com";
        Path csv = file("email,name\n" + raced + ",From the file\nother-" + tag + "@acme.com,Other\n");
        try (Connection other = dataSource.getConnection()) {
            // Another writer has inserted the same address but not committed: the import cannot see it when it looks
            // for stored leads, so it takes the row for a new lead, and its COPY waits on the unique index until the
            // other commits; then it reads the file again, every row through the staging table.
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement(
                    "insert into lead (id, version, full_name, email, stage, created_at, updated_at) "
                            + "values (nextval('lead_seq'), 0, 'The other writer', ?, 'NEW', now(), now())")) {
                insert.setString(1, raced);
                insert.executeUpdate();
            }
            var importing =
                    CompletableFuture.supplyAsync(() -> run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false));
            long deadline = System.nanoTime() + 30_000_000_000L;
            // Waiting in the straight COPY, or (when the stored leads' Bloom filter gives a rare false "maybe" for the
            // row) in the staged INSERT: either way the import waits on the other writer's row.
            while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and (query like 'copy lead %' or query like 'insert into lead %')")
                    == 0) {
                assertThat(System.nanoTime())
                        .as("the import reached the insert and waits for the other writer")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            other.commit();
            ImportCounts counts = importing.get(30, TimeUnit.SECONDS);

            assertThat(counts).isEqualTo(new ImportCounts(2, 1, 0, 1, 0));
        }
        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param(raced)
                        .query(String.class)
                        .list())
                .containsExactly("The other writer");
        assertThat(count("select count(*) from lead where email = ?", "other-" + tag + "@acme.com"))
                .isEqualTo(1);
    }

    @Test
    void backslashes_tabs_quotes_and_newlines_arrive_as_written() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "esc-" + tag + "@acme.com";
        Path csv =
                file("email,name,notes\n" + email + ",\"O'Brien \\ \"\"Bob\"\"\",\"a\ttab, a \\N and\r\na newline\"\n");

        assertThat(run(ImportJob.Kind.LEADS, csv, DuplicatePolicy.SKIP, false).imported())
                .isEqualTo(1);

        assertThat(jdbc.sql("select full_name from lead where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("O'Brien \\ \"Bob\"");
        assertThat(jdbc.sql("select attributes->>'notes' from lead where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("a\ttab, a \\N and\r\na newline");
    }
}
