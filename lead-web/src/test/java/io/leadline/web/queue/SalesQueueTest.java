package io.leadline.web.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueuePosition;
import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SalesQueueTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeadClaims claims;

    @BeforeEach
    void reps() {
        accounts.createIfAbsent("rita", "rita-password-1", Role.SALES);
        accounts.createIfAbsent("sam", "sam-password-12", Role.SALES);
    }

    @Test
    void a_rep_sees_mqls_highest_score_first_and_not_leads_below_the_threshold() throws Exception {
        long ceo = TestLeads.capture(mvc, "Queue Ceo", "CEO", 5000, "paid_search");
        long manager = TestLeads.capture(mvc, "Queue Manager", "Sales Manager", 1500, "paid_search");
        long student = TestLeads.capture(mvc, "Queue Student", "Student", 5, "social");

        List<QueueEntry> entries = queueOf("rita");
        List<Long> ids = entries.stream().map(QueueEntry::leadId).toList();

        assertThat(ids).contains(ceo, manager).doesNotContain(student);
        assertThat(ids.indexOf(ceo)).isLessThan(ids.indexOf(manager));
        assertThat(entries).isSortedAccordingTo((a, b) -> Integer.compare(b.priority(), a.priority()));
    }

    @Test
    void a_rep_claims_an_unassigned_mql_and_it_becomes_theirs() throws Exception {
        long lead = TestLeads.capture(mvc, "Claim Me", "CTO", 2000, "organic_search");

        mvc.perform(post("/queue/{id}/claim", lead)
                        .with(user("rita").roles("SALES"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/queue"))
                .andExpect(flash().attribute("message", "You claimed Claim Me."));

        var row = jdbc.sql(
                        "select l.owner, l.stage, s.stage as queue_stage from lead l join lead_score s on s.lead_id = l.id where l.id = ?")
                .param(lead)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("owner", "rita")
                .containsEntry("stage", "ACCEPTED")
                .containsEntry("queue_stage", "ACCEPTED");
        assertThat(jdbc.sql("select actor from stage_change where lead_id = ? and to_stage = 'ACCEPTED'")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("rita");
    }

    @Test
    void a_second_rep_is_told_who_claimed_the_lead_first() throws Exception {
        long lead = TestLeads.capture(mvc, "Taken Lead", "CTO", 2000, "organic_search");
        mvc.perform(post("/queue/{id}/claim", lead)
                .with(user("rita").roles("SALES"))
                .with(csrf()));

        mvc.perform(post("/queue/{id}/claim", lead)
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "This lead is already claimed by rita."));
        mvc.perform(post("/queue/{id}/claim", lead)
                        .header("Accept-Language", "pt-BR")
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Este lead já foi assumido por rita."));

        assertThat(jdbc.sql("select owner from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("rita");
    }

    @Test
    void two_reps_claiming_at_the_same_moment_end_with_exactly_one_owner() throws Exception {
        for (int round = 0; round < 5; round++) {
            long lead = TestLeads.capture(mvc, "Race Lead", "CEO", 3000, "paid_search");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String rep : List.of("rita", "sam")) {
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        return claims.claim(lead, rep).owner();
                    } catch (LeadAlreadyClaimedException e) {
                        return "lost to " + e.owner();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            pool.shutdown();

            String owner = jdbc.sql("select owner from lead where id = ?")
                    .param(lead)
                    .query(String.class)
                    .single();
            assertThat(results).containsExactlyInAnyOrder(owner, "lost to " + owner);
            assertThat(jdbc.sql("select count(*) from stage_change where lead_id = ? and to_stage = 'ACCEPTED'")
                            .param(lead)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void a_marketer_sees_the_queue_but_cannot_claim() throws Exception {
        long lead = TestLeads.capture(mvc, "Marketer View", "CEO", 3000, "paid_search");

        mvc.perform(get("/queue").with(user("mia").roles("MARKETER"))).andExpect(status().isOk());
        mvc.perform(post("/queue/{id}/claim", lead)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("select owner from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void the_next_page_starts_after_the_last_lead_of_this_one_and_every_lead_is_shown_once() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestLeads.capture(mvc, "Paging Lead " + i, "VP Marketing", 400, "referral");
        }
        long all = jdbc.sql("select count(*) from lead_score where stage in ('MQL','ACCEPTED','SQL')")
                .query(Long.class)
                .single();
        List<Long> seen = new ArrayList<>();
        String url = "/queue";
        while (url != null) {
            var result = mvc.perform(get(url).with(user("rita").roles("SALES")))
                    .andExpect(status().isOk())
                    .andReturn();
            @SuppressWarnings("unchecked")
            List<QueueEntry> page =
                    (List<QueueEntry>) result.getModelAndView().getModel().get("entries");
            page.forEach(e -> seen.add(e.leadId()));
            // The hand-raisers' lane, on the first page only, holds the leads the ranked pages leave out.
            @SuppressWarnings("unchecked")
            List<QueueEntry> hot =
                    (List<QueueEntry>) result.getModelAndView().getModel().get("hot");
            hot.forEach(e -> seen.add(e.leadId()));
            var next = (QueuePosition) result.getModelAndView().getModel().get("next");
            url = next == null ? null : "/queue?afterKey=" + next.key() + "&afterId=" + next.leadId();
        }
        assertThat(seen).hasSize((int) all).doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private List<QueueEntry> queueOf(String rep) throws Exception {
        var result = mvc.perform(get("/queue").with(user(rep).roles("SALES")))
                .andExpect(status().isOk())
                .andReturn();
        return (List<QueueEntry>) result.getModelAndView().getModel().get("entries");
    }
}
