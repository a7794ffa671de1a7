package io.leadline.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.lead.BulkLeads;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.scoring.StarterModel;
import io.leadline.persistence.importing.CsvFile;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.LeadFileImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class AccountsTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Leads leads;

    @Autowired
    BulkLeads bulk;

    @Autowired
    LeadFileImport imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    SalesQueue queue;

    @Autowired
    LeadList list;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Lead lead(String name, String company) {
        return Lead.capture(
                new LeadProfile(
                        name,
                        new EmailAddress(name + "-" + tag + "@example.org"),
                        company,
                        "CTO",
                        500,
                        "BR",
                        "email",
                        Map.of()),
                now);
    }

    private long contacts(long accountId) {
        return jdbc.sql("select count(*) from lead where account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    private Long accountOf(long leadId) {
        return jdbc.sql("select account_id from lead where id = ?")
                .param(leadId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void spellings_of_one_company_share_one_account_named_as_first_seen() {
        Lead ana = leads.save(lead("ana", "Globex " + tag + ", Inc."));
        Lead bo = leads.save(lead("bo", "GLOBEX " + tag));
        Lead cy = leads.save(lead("cy", "Initech " + tag));
        Lead di = leads.save(lead("di", "Inc."));

        assertThat(accountOf(ana.id())).isNotNull().isEqualTo(accountOf(bo.id()));
        assertThat(accountOf(cy.id())).isNotNull().isNotEqualTo(accountOf(ana.id()));
        assertThat(accountOf(di.id()))
                .as("a name of nothing but a legal form makes no account")
                .isNull();
        assertThat(jdbc.sql("select name from account where id = ?")
                        .param(accountOf(ana.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("Globex " + tag + ", Inc.");
        assertThat(contacts(accountOf(ana.id()))).isEqualTo(2);
        assertThat(list.colleagues(ana.id(), 10)).extracting(LeadList.Row::id).containsExactly(bo.id());
        assertThat(list.colleagues(di.id(), 10)).isEmpty();
    }

    @Test
    void a_lead_that_changes_company_changes_account() {
        Lead ana = leads.save(lead("ana", "Globex " + tag));
        Long globex = accountOf(ana.id());

        Lead moved = leads.save(ana.withProfile(new LeadProfile(
                ana.profile().fullName(),
                ana.profile().email(),
                "Initech " + tag,
                "CTO",
                500,
                "BR",
                "email",
                Map.of())));

        assertThat(accountOf(moved.id())).isNotNull().isNotEqualTo(globex);
        assertThat(contacts(globex)).isZero();
    }

    @Test
    void bulk_inserted_leads_get_their_accounts() {
        var model = StarterModel.version1();
        Lead a = lead("bulk-a", "Hooli " + tag + " Ltda");
        Lead b = lead("bulk-b", "hooli " + tag);
        bulk.insertAll(List.of(
                new BulkLeads.ScoredLead(a, model.score(a.profile()), null),
                new BulkLeads.ScoredLead(b, model.score(b.profile()), null)));

        assertThat(jdbc.sql("select count(distinct account_id) from lead where email like ? and account_id is not null")
                        .param("bulk-%-" + tag + "@example.org")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void an_import_links_its_leads_and_the_update_policy_moves_a_changed_company() throws IOException {
        Path first = dir.resolve("first.csv");
        Files.writeString(
                first,
                "email,name,company\n"
                        + "p-" + tag + "@acme.io,Pat,\"Umbrella " + tag + " S.A.\"\n"
                        + "q-" + tag + "@acme.io,Quinn,umbrella " + tag + "\n"
                        + "r-" + tag + "@acme.io,Rae,\n");
        run(first, DuplicatePolicy.SKIP);
        long umbrella = jdbc.sql("select id from account where key = ?")
                .param("umbrella " + tag)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from lead where account_id = ?")
                        .param(umbrella)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select account_id is null from lead where email = ?")
                        .param("r-" + tag + "@acme.io")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        Path second = dir.resolve("second.csv");
        Files.writeString(second, "email,company\n" + "q-" + tag + "@acme.io,Stark " + tag + " LLC\n");
        run(second, DuplicatePolicy.UPDATE);

        assertThat(jdbc.sql("select a.key from lead l join account a on a.id = l.account_id where l.email = ?")
                        .param("q-" + tag + "@acme.io")
                        .query(String.class)
                        .single())
                .isEqualTo("stark " + tag);
        // Both imports noted their accounts once, at their end, for the account scores' roll-up (the score rows'
        // own trigger notes nothing inside an import).
        long stark = jdbc.sql("select id from account where key = ?")
                .param("stark " + tag)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from account_change where account_id = ?")
                        .param(umbrella)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from account_change where account_id = ?")
                        .param(stark)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from account_change c join lead l on l.id = c.lead_id
                        where l.account_id in (?, ?)""").params(umbrella, stark).query(Long.class).single())
                .as("no per-row notes from the import's score rows")
                .isZero();
    }

    @Test
    void leads_stored_without_an_account_are_linked_later() {
        long id = jdbc.sql("""
                        insert into lead (id, version, full_name, email, company, stage, created_at, updated_at)
                        values (nextval('lead_seq'), 0, 'Legacy', ?, ?, 'NEW', now(), now()) returning id""")
                .params("legacy-" + tag + "@example.org", "Wayne " + tag + " Corp.")
                .query(Long.class)
                .single();
        assertThat(accountOf(id)).isNull();

        assertThat(accounts.linkUnlinkedLeads()).isPositive();

        assertThat(jdbc.sql("select a.key from lead l join account a on a.id = l.account_id where l.id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("wayne " + tag);
    }

    @Test
    void the_queue_filter_by_company_finds_every_spelling() {
        Lead ana = leads.save(lead("qa", "Vandelay " + tag + " Inc"));
        Lead bo = leads.save(lead("qb", "VANDELAY " + tag));
        jdbc.sql("update lead set stage = 'MQL' where id in (?, ?)")
                .params(ana.id(), bo.id())
                .update();
        jdbc.sql("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at, queued_at)
                select id, 1, 80, 80, 0, 'A', 350080, 'MQL', now(), now() from lead where id in (?, ?)""").params(ana.id(), bo.id()).update();

        var found = queue.page(
                new QueueFilter(QueueFilter.Scope.ALL, "tester", null, null, "vandelay " + tag + ", inc.", null),
                null,
                50);

        assertThat(found).extracting(e -> e.leadId()).containsExactlyInAnyOrder(ana.id(), bo.id());
    }

    private void run(Path file, DuplicatePolicy policy) {
        CsvFile csv = CsvFile.open(file);
        ColumnMapping mapping = ColumnMapping.guess(csv.preview(0).getFirst());
        long id = jobs.create(
                ImportJob.Kind.LEADS,
                file.getFileName().toString(),
                file.toString(),
                csv.size(),
                csv.lineCount(),
                "tester",
                mapping,
                now);
        jobs.queue(id, mapping, policy, false, false);
        imports.run(jobs.find(id).orElseThrow(), now);
    }
}
