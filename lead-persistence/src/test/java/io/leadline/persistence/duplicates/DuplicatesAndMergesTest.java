package io.leadline.persistence.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.duplicates.DuplicateCandidate;
import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.duplicates.LeadMerges;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.persistence.lead.ActivityIngest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class DuplicatesAndMergesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    Leads leads;

    @Autowired
    DuplicateCandidates candidates;

    @Autowired
    LeadMerges merges;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityIngest ingest;

    @Autowired
    PlatformTransactionManager transactions;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Lead lead(String name, String email, String company, Map<String, String> attributes) {
        return leads.save(Lead.capture(
                new LeadProfile(
                        name,
                        email == null ? null : new EmailAddress(email),
                        company,
                        null,
                        null,
                        null,
                        null,
                        attributes),
                NOW));
    }

    @Test
    void a_typo_at_the_same_company_a_plus_address_and_one_phone_in_two_formats_are_found() {
        Lead work = lead("Mariana Teixeira " + tag, "mariana." + tag + "@ceramica.com.br", "Cerâmica " + tag, Map.of());
        Lead typo = lead("Mariana Teixera " + tag, "mari" + tag + "@gmail.com", "Ceramica " + tag, Map.of());
        Lead gmail = lead("Tiago " + tag, "tiago.almeida" + tag + "@gmail.com", null, Map.of());
        Lead plus = lead("T. Almeida", "tiagoalmeida" + tag + "+news@googlemail.com", null, Map.of());
        String digits = String.valueOf(Math.abs(tag.hashCode()) % 90_000_000 + 10_000_000);
        Lead phone = lead("Rui " + tag, "rui" + tag + "@a.com", null, Map.of("phone", "+55 11 9" + digits));
        Lead phoneAgain = lead(
                "Rui P. " + tag,
                "rui" + tag + "@b.com",
                null,
                Map.of("mobile_phone", "(11) 9" + digits.substring(0, 4) + "-" + digits.substring(4)));
        Lead stranger = lead("Someone Else " + tag, "else" + tag + "@c.com", "Cerâmica " + tag, Map.of());

        assertThat(candidates.of(work.id()))
                .extracting(DuplicateCandidate::otherId)
                .containsExactly(typo.id());
        DuplicateCandidate found = candidates.of(work.id()).getFirst();
        assertThat(found.signals().sameAccount())
                .as("Cerâmica and Ceramica are one account")
                .isTrue();
        assertThat(found.confidence()).isGreaterThan(0.7);
        assertThat(found.signals().reasons()).contains("similar name", "same company");
        assertThat(candidates.of(gmail.id()))
                .extracting(DuplicateCandidate::otherId)
                .containsExactly(plus.id());
        assertThat(candidates.of(gmail.id()).getFirst().signals().reasons()).containsExactly("same mailbox");
        assertThat(candidates.of(phone.id()))
                .extracting(DuplicateCandidate::otherId)
                .containsExactly(phoneAgain.id());
        assertThat(candidates.of(stranger.id())).isEmpty();
        // The same last nine digits in London and São Paulo: two numbers, as E.164 says.
        String eight = String.valueOf(10_000_000 + Math.abs(tag.hashCode()) % 89_999_999);
        Lead london = lead("Someone " + tag, "london" + tag + "@c.com", null, Map.of("phone", "+44 20 " + eight));
        Lead paulo = lead("Other " + tag, "paulo" + tag + "@c.com", null, Map.of("phone", "+55 11 0" + eight));
        assertThat(jdbc.sql("select count(distinct phone_key) from lead where id in (?, ?)")
                        .params(london.id(), paulo.id())
                        .query(Long.class)
                        .single())
                .as("one key")
                .isOne();
        assertThat(candidates.of(london.id())).as("two numbers").isEmpty();

        assertThat(candidates.scan(NOW)).isPositive();
        List<DuplicateCandidate> review = candidates.review(0, 10_000);
        assertThat(review)
                .extracting(c -> c.leadId() + "-" + c.otherId())
                .contains(
                        work.id() + "-" + typo.id(), gmail.id() + "-" + plus.id(), phone.id() + "-" + phoneAgain.id());
        assertThat(review).isSortedAccordingTo((x, y) -> Double.compare(y.confidence(), x.confidence()));

        long before = candidates.reviewable();
        candidates.dismiss(typo.id(), work.id(), "marta", NOW);
        candidates.dismiss(typo.id(), work.id(), "marta", NOW);
        assertThat(candidates.of(work.id())).as("not a duplicate, remembered").isEmpty();
        assertThat(candidates.reviewable()).isEqualTo(before - 1);
        candidates.scan(NOW);
        assertThat(candidates.review(0, 10_000))
                .extracting(DuplicateCandidate::leadId)
                .doesNotContain(work.id());
    }

    @Test
    void a_merge_moves_every_row_and_the_merged_id_answers_with_the_survivor() {
        Lead survivor = lead("Ana " + tag, "ana" + tag + "@x.com", null, Map.of());
        Lead merged = lead("Ana L. " + tag, "ana" + tag + "@y.com", null, Map.of());
        Lead earlier = lead("A. Lima " + tag, "ana" + tag + "@z.com", null, Map.of());
        for (Lead l : List.of(survivor, merged, earlier)) {
            jdbc.sql("insert into activity (lead_id, type, occurred_at) values (?, 'EMAIL_CLICK', ?)")
                    .params(l.id(), Timestamp.from(NOW))
                    .update();
        }
        jdbc.sql(
                        "insert into bant_answer (lead_id, criterion, status, evidence, answered_by, answered_at) values (?, 'BUDGET', 'MET', 'said so', 'rita', now()), "
                                + "(?, 'BUDGET', 'NOT_MET', 'said so', 'rita', now()), (?, 'NEED', 'MET', 'said so', 'rita', now())")
                .params(survivor.id(), merged.id(), merged.id())
                .update();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> merges.move(merged.id(), earlier.id(), "marta", NOW));
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> merges.move(survivor.id(), merged.id(), "marta", NOW));

        assertThat(leads.byId(merged.id())).isEmpty();
        assertThat(merges.survivorOf(merged.id())).contains(survivor.id());
        assertThat(merges.survivorOf(earlier.id()))
                .as("merged into the merged one before")
                .contains(survivor.id());
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ?")
                        .param(survivor.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select criterion || ':' || status from bant_answer where lead_id = ? order by 1")
                        .param(survivor.id())
                        .query(String.class)
                        .list())
                .as("the survivor's answer wins")
                .containsExactly("BUDGET:MET", "NEED:MET");
        assertThat(leads.idWithEmail(new EmailAddress("ana" + tag + "@y.com")))
                .as("the merged lead's address")
                .contains(survivor.id());
        assertThat(leads.idWithEmail(new EmailAddress("ana" + tag + "@z.com")))
                .as("merged twice over")
                .contains(survivor.id());
        var found = ingest.lock(List.of(merged.id()), List.of("ana" + tag + "@z.com"));
        assertThat(found.byId()).containsEntry(merged.id(), survivor.id());
        assertThat(found.byEmail()).containsEntry("ana" + tag + "@z.com", survivor.id());
    }

    /** Every table that names a lead, by a foreign key or a lead_id column, is handled by a merge. */
    @Test
    void every_table_that_names_a_lead_is_handled_by_a_merge() {
        Set<String> naming = new HashSet<>(jdbc.sql("""
                        select conrelid::regclass::text from pg_constraint where contype = 'f' and confrelid = 'lead'::regclass
                        union select c.table_name from information_schema.columns c join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'lead_id'
                           and c.table_name not in (select inhrelid::regclass::text from pg_inherits)""").query(String.class).list());
        Set<String> handled = new HashSet<>();
        Stream.of(
                        JdbcLeadMerges.MOVED,
                        JdbcLeadMerges.MOVED_UNLESS_SURVIVOR_HAS,
                        JdbcLeadMerges.DROPPED,
                        JdbcLeadMerges.REDIRECTED,
                        JdbcLeadMerges.LEFT)
                .forEach(handled::addAll);
        assertThat(handled)
                .as("tables a merge handles; add a new table that names a lead to JdbcLeadMerges")
                .containsExactlyInAnyOrderElementsOf(naming);
    }
}
