package io.leadline.persistence.account;

import static io.leadline.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.account.AccountBecameMqa;
import io.leadline.core.account.AccountFilter;
import io.leadline.core.account.AccountMember;
import io.leadline.core.account.AccountScore;
import io.leadline.core.account.AccountScores;
import io.leadline.core.account.AccountSummary;
import io.leadline.core.account.MqaPolicy;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored account score follows its leads whichever way they change: after random sequences of creations, score
 * writes, stage moves, job-title edits, company changes and deletions (through the JPA writer and plain SQL, as the
 * import's and rescoring's statements write), the stored roll-up of each account equals the one recomputed from all
 * its leads.
 */
@SpringBootTest
@Import(AccountScoresTest.Announcements.class)
class AccountScoresTest {

    @TestConfiguration
    static class Announcements {
        final List<AccountBecameMqa> heard = Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(AccountBecameMqa event) {
            heard.add(event);
        }
    }

    @Autowired
    AccountRollup rollup;

    @Autowired
    AccountScores scores;

    @Autowired
    Leads leads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Announcements announcements;

    private final MqaPolicy policy = MqaPolicy.standard();
    private final Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private static final String[] TITLES = {"CEO", "VP Marketing", "Sales Manager", "Analyst", null, "Head of IT"};
    private static final LifecycleStage[] STAGES = {
        LifecycleStage.NEW,
        LifecycleStage.MQL,
        LifecycleStage.SQL,
        LifecycleStage.DISQUALIFIED,
        LifecycleStage.LOST,
        LifecycleStage.RECYCLED
    };

    private Lead capture(String name, String company, String title) {
        return leads.save(Lead.capture(
                new LeadProfile(
                        name,
                        new EmailAddress(name + "-" + tag + "@example.org"),
                        company,
                        title,
                        50,
                        "BR",
                        "webinar",
                        Map.of()),
                now));
    }

    private void score(long leadId, int score, int engagement) {
        jdbc.sql("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at)
                select id, 1, ?, ? - ?, ?, 'B', 200000 + ?, stage, now() from lead where id = ?
                on conflict (lead_id) do update set score = excluded.score, fit_points = excluded.fit_points,
                    engagement_points = excluded.engagement_points""")
                .params(score, score, engagement, engagement, score, leadId)
                .update();
    }

    /** Rolls up until none of these accounts waits (other tests' roll-ups may hold the pass a moment). */
    private void settle(List<Long> accounts) throws Exception {
        until(
                Duration.ofSeconds(10),
                "the account changes' roll-up",
                () -> {
                    rollup.rollUpChanged(5_000);
                    return jdbc.sql("""
                                    select count(*) from account_change c left join lead l on l.id = c.lead_id
                                    where coalesce(c.account_id, l.account_id) = any(?)""")
                            .param(accounts.toArray(Long[]::new))
                            .query(Long.class)
                            .single();
                },
                waiting -> waiting == 0);
    }

    private Long accountOf(long leadId) {
        return jdbc.sql("select account_id from lead where id = ?")
                .param(leadId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The roll-up from every lead of the account, read in full and filtered here rather than by the roll-up's query. */
    private AccountScore recomputed(long accountId) {
        List<AccountMember> members = jdbc
                .sql("""
                        select l.id, l.full_name, l.job_title, l.stage, s.score, s.engagement_points
                        from lead l join lead_score s on s.lead_id = l.id where l.account_id = ?""")
                .param(accountId)
                .query((rs, n) -> LifecycleStage.ruledOut().contains(LifecycleStage.valueOf(rs.getString("stage")))
                        ? null
                        : new AccountMember(
                                rs.getLong("id"),
                                rs.getString("full_name"),
                                rs.getString("job_title"),
                                rs.getInt("score"),
                                rs.getInt("engagement_points")))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
        return AccountScore.rollUp(members, policy);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1_001, 31_337})
    void the_stored_account_score_equals_the_one_recomputed_after_random_changes(long seed) throws Exception {
        Random random = new Random(seed);
        String[] companies = {"Umbrella " + tag, "Cyberdyne " + tag, "Tyrell " + tag};
        List<Lead> alive = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int move = alive.size() < 3 ? 0 : random.nextInt(9);
            switch (move) {
                case 0 -> {
                    Lead lead = capture(
                            "p" + step + "s" + seed,
                            companies[random.nextInt(3)],
                            TITLES[random.nextInt(TITLES.length)]);
                    score(lead.id(), random.nextInt(120), random.nextInt(40));
                    alive.add(lead);
                }
                case 1, 2 ->
                    score(alive.get(random.nextInt(alive.size())).id(), random.nextInt(120), random.nextInt(40));
                case 3 -> {
                    long id = alive.get(random.nextInt(alive.size())).id();
                    String stage = STAGES[random.nextInt(STAGES.length)].name();
                    jdbc.sql("update lead set stage = ? where id = ?")
                            .params(stage, id)
                            .update();
                    jdbc.sql("update lead_score set stage = ? where lead_id = ?")
                            .params(stage, id)
                            .update();
                }
                case 4 -> {
                    int i = random.nextInt(alive.size());
                    Lead lead = leads.byId(alive.get(i).id()).orElseThrow();
                    LeadProfile p = lead.profile();
                    alive.set(
                            i,
                            leads.save(lead.withProfile(new LeadProfile(
                                    p.fullName(),
                                    p.email(),
                                    p.company(),
                                    TITLES[random.nextInt(TITLES.length)],
                                    p.companySize(),
                                    p.country(),
                                    p.source(),
                                    p.attributes()))));
                }
                case 5 -> {
                    int i = random.nextInt(alive.size());
                    Lead lead = leads.byId(alive.get(i).id()).orElseThrow();
                    LeadProfile p = lead.profile();
                    Long before = accountOf(lead.id());
                    if (before != null) {
                        accounts.add(before);
                    }
                    alive.set(
                            i,
                            leads.save(lead.withProfile(new LeadProfile(
                                    p.fullName(),
                                    p.email(),
                                    companies[random.nextInt(3)],
                                    p.jobTitle(),
                                    p.companySize(),
                                    p.country(),
                                    p.source(),
                                    p.attributes()))));
                }
                case 6 -> {
                    Lead gone = alive.remove(random.nextInt(alive.size()));
                    Long account = accountOf(gone.id());
                    if (account != null) {
                        accounts.add(account);
                    }
                    jdbc.sql("delete from lead where id = ?").param(gone.id()).update();
                }
                case 7 -> {
                    // The import's update path writes the lead's columns by SQL, its score row untouched.
                    jdbc.sql("update lead set job_title = ? where id = ?")
                            .params(
                                    TITLES[random.nextInt(TITLES.length)],
                                    alive.get(random.nextInt(alive.size())).id())
                            .update();
                }
                default -> {
                    // A set-based statement over several leads at once, as rescoring writes its chunks.
                    jdbc.sql(
                                    "update lead_score set engagement_points = engagement_points + 5, score = score + 5 where lead_id = any(?)")
                            .param(alive.stream().map(Lead::id).toArray(Long[]::new))
                            .update();
                }
            }
            if (random.nextInt(10) == 0) {
                settle(accountsOf(alive, accounts));
            }
        }
        List<Long> touched = accountsOf(alive, accounts);
        settle(touched);

        for (long account : touched) {
            AccountScore expected = recomputed(account);
            var stored = scores.byId(account);
            long leadsLeft = jdbc.sql("select count(*) from lead where account_id = ?")
                    .param(account)
                    .query(Long.class)
                    .single();
            if (leadsLeft == 0) {
                assertThat(jdbc.sql("select count(*) from account_score where account_id = ?")
                                .param(account)
                                .query(Long.class)
                                .single())
                        .as("an account without leads has no stored score")
                        .isZero();
                assertThat(stored.orElseThrow().score()).isZero();
                continue;
            }
            AccountSummary summary = stored.orElseThrow();
            assertThat(summary.score()).as("score of account " + account).isEqualTo(expected.score());
            assertThat(summary.mqa()).isEqualTo(expected.mqa());
            assertThat(summary.engagedContacts()).isEqualTo(expected.engagedContacts());
            assertThat(summary.rolesEngaged()).isEqualTo(expected.rolesEngaged());
            assertThat(scores.history(account, 100).stream()
                            .findFirst()
                            .map(c -> c.mqa())
                            .orElse(false))
                    .as("the newest MQA history entry says what the account is now")
                    .isEqualTo(expected.mqa());
        }
    }

    private List<Long> accountsOf(List<Lead> alive, List<Long> former) {
        List<Long> ids = new ArrayList<>(former);
        alive.forEach(l -> {
            Long account = accountOf(l.id());
            if (account != null) {
                ids.add(account);
            }
        });
        return ids.stream().distinct().toList();
    }

    @Test
    void an_account_becomes_an_mqa_once_with_history_and_an_announcement_and_pages_by_score() throws Exception {
        String company = "Massive Dynamic " + tag;
        Lead ceo = capture("ceo", company, "CEO");
        Lead vp = capture("vp", company, "VP Sales");
        score(ceo.id(), 60, 20);
        score(vp.id(), 30, 15);
        long account = accountOf(ceo.id());
        settle(List.of(account));
        assertThat(scores.byId(account).orElseThrow().mqa())
                .as("60 + 15 + 10 for a second role is under 100")
                .isFalse();

        score(vp.id(), 80, 40);
        settle(List.of(account));

        AccountSummary now = scores.byId(account).orElseThrow();
        assertThat(now.score()).isEqualTo(80 + 20 + 10);
        assertThat(now.mqa()).isTrue();
        assertThat(now.mqaSince()).isNotNull();
        assertThat(scores.history(account, 10)).hasSize(1).first().satisfies(c -> {
            assertThat(c.mqa()).isTrue();
            assertThat(c.reason()).contains("Score 110", "2 engaged contacts");
        });
        assertThat(announcements.heard)
                .filteredOn(e -> e.accountId() == account)
                .singleElement()
                .satisfies(e -> assertThat(e.bestLeadId()).isEqualTo(vp.id()));

        score(ceo.id(), 61, 20);
        settle(List.of(account));
        assertThat(announcements.heard)
                .as("still an MQA: not announced again")
                .filteredOn(e -> e.accountId() == account)
                .hasSize(1);
        assertThat(scores.byId(account).orElseThrow().mqaSince()).isEqualTo(now.mqaSince());

        List<AccountSummary> mqas = scores.page(new AccountFilter(true, null, "webinar", 2), null, 1_000);
        assertThat(mqas).extracting(AccountSummary::accountId).contains(account);
        assertThat(mqas)
                .isSortedAccordingTo(
                        Comparator.comparingInt(AccountSummary::score).reversed());
        var after = mqas.get(mqas.indexOf(
                mqas.stream().filter(a -> a.accountId() == account).findFirst().orElseThrow()));
        assertThat(scores.page(new AccountFilter(true, null, "webinar", 2), after.position(), 1_000))
                .extracting(AccountSummary::accountId)
                .doesNotContain(account);
        assertThat(scores.page(new AccountFilter(true, null, "no-such-source", 0), null, 10))
                .isEmpty();
        assertThat(scores.timeline(account, 10)).isEmpty();
        assertThat(scores.scoreOverTime(account, 90))
                .singleElement()
                .satisfies(d -> assertThat(d.score())
                        .isEqualTo(scores.byId(account).orElseThrow().score()));
        assertThat(scores.contacts(account, 10)).extracting(c -> c.leadId()).containsExactly(vp.id(), ceo.id());
    }
}
