package io.leadline.web.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.user.Role;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Queue filters, the SLA badge, admin assignment and the disqualification report. */
@SpringBootTest
@AutoConfigureMockMvc
class QueueViewsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeadCapture capture;

    private final String company = "Views Co " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void reps() {
        accounts.createIfAbsent("rita", "rita-password-1", Role.SALES);
        accounts.createIfAbsent("sam", "sam-password-12", Role.SALES);
    }

    private long lead(String name, String title, int size, String source) {
        return capture.capture(new LeadProfile(
                        name,
                        new EmailAddress(UUID.randomUUID() + "@views.example.com"),
                        company,
                        title,
                        size,
                        "BR",
                        source,
                        Map.of()))
                .id();
    }

    @SuppressWarnings("unchecked")
    private List<QueueEntry> queue(String rep, String... paramsAndValues) throws Exception {
        var request = get("/queue").with(user(rep).roles("SALES")).param("company", company);
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.param(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        var result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return (List<QueueEntry>) result.getModelAndView().getModel().get("entries");
    }

    private static List<Long> ids(List<QueueEntry> entries) {
        return entries.stream().map(QueueEntry::leadId).toList();
    }

    @Test
    void filters_narrow_the_queue_to_mine_unassigned_stage_source_and_account() throws Exception {
        long mine = lead("Filter Mine", "CEO", 3000, "referral");
        long open = lead("Filter Open", "CTO", 3000, "organic_search");
        mvc.perform(post("/queue/{id}/claim", mine)
                .with(user("rita").roles("SALES"))
                .with(csrf()));

        assertThat(ids(queue("rita", "scope", "MINE"))).containsExactly(mine);
        assertThat(ids(queue("rita", "scope", "UNASSIGNED"))).containsExactly(open);
        assertThat(ids(queue("rita", "stage", "ACCEPTED"))).containsExactly(mine);
        assertThat(ids(queue("rita", "source", "organic_search"))).containsExactly(open);
        assertThat(ids(queue("rita", "scope", "ALL"))).containsExactlyInAnyOrder(mine, open);
        assertThat(ids(queue("sam", "scope", "MINE"))).isEmpty();
        mvc.perform(get("/queue").param("company", company).with(user("rita").roles("SALES")))
                .andExpect(content().string(containsString("2 leads in this view.")));
        mvc.perform(get("/queue")
                        .param("company", company)
                        .param("scope", "MINE")
                        .with(user("rita").roles("SALES")))
                .andExpect(content().string(containsString("1 lead in this view.")));
    }

    @Test
    void an_mql_unclaimed_past_the_sla_carries_a_badge_and_the_breached_filter_finds_it() throws Exception {
        long late = lead("Late Lead", "CEO", 3000, "paid_search");
        long fresh = lead("Fresh Lead", "CEO", 3000, "paid_search");
        jdbc.sql("update lead_score set queued_at = now() - interval '30 hours' where lead_id = ?")
                .param(late)
                .update();

        var result = mvc.perform(get("/queue")
                        .param("breached", "true")
                        .param("company", company)
                        .with(user("rita").roles("SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("title=\"Unclaimed for more than 24 hours\">SLA</span>")))
                .andReturn();
        @SuppressWarnings("unchecked")
        var entries = (List<QueueEntry>) result.getModelAndView().getModel().get("entries");
        assertThat(ids(entries)).containsExactly(late).doesNotContain(fresh);
        assertThat((Set<Long>) result.getModelAndView().getModel().get("late")).containsExactly(late);
    }

    @Test
    void with_working_hours_set_hours_outside_them_do_not_count_toward_the_sla() throws Exception {
        long late = lead("Weekend Lead", "CEO", 3000, "paid_search");
        jdbc.sql("update lead_score set queued_at = now() - interval '30 hours' where lead_id = ?")
                .param(late)
                .update();
        // The only working day is three days ahead: none of the last 30 hours was working time.
        String onlyDay =
                LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek().name();
        try {
            mvc.perform(post("/settings/handoff")
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf())
                            .param("handRaiserTypes", "demo_request")
                            .param("handRaiserDays", "7")
                            .param("order", "PRIORITY")
                            .param("workingHoursOnly", "true")
                            .param("workZone", "UTC")
                            .param("workDays", onlyDay)
                            .param("workStart", "09:00")
                            .param("workEnd", "17:00"))
                    .andExpect(status().is3xxRedirection());
            var result = mvc.perform(get("/queue")
                            .param("breached", "true")
                            .param("company", company)
                            .with(user("rita").roles("SALES")))
                    .andExpect(status().isOk())
                    .andReturn();
            @SuppressWarnings("unchecked")
            var entries = (List<QueueEntry>) result.getModelAndView().getModel().get("entries");
            assertThat(ids(entries)).doesNotContain(late);
        } finally {
            jdbc.sql("delete from handoff_setting").update();
        }
    }

    @Test
    void the_queue_ranks_equal_scores_by_longest_waiting_first() throws Exception {
        long first = lead("Waiting First", "CFO", 3000, "paid_search");
        long second = lead("Waiting Second", "CFO", 3000, "paid_search");
        List<Long> order = ids(queue("rita"));
        assertThat(order.indexOf(first)).isLessThan(order.indexOf(second));
    }

    @Test
    void an_admin_assigns_an_unclaimed_mql_and_reassigns_it() throws Exception {
        long id = lead("Assign Me", "CEO", 3000, "paid_search");

        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", "rita")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Assigned to rita."));
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", "sam")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Assigned to sam."));
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", "nobody")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Choose an active sales rep."));

        assertThat(jdbc.sql("select owner from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("sam");
        assertThat(jdbc.sql("select reason from stage_change where lead_id = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsSubsequence("assigned to rita by ada", "reassigned from rita to sam");
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", "rita")
                        .with(user("rita").roles("SALES"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void admins_see_disqualification_reasons_counted_beside_the_weights() throws Exception {
        long id = lead("Count Me", "CEO", 3000, "paid_search");
        mvc.perform(
                post("/queue/{id}/claim", id).with(user("rita").roles("SALES")).with(csrf()));
        mvc.perform(post("/leads/{id}/disqualify", id)
                .param("reason", "bad_timing")
                .with(user("rita").roles("SALES"))
                .with(csrf()));

        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Why leads were disqualified")))
                .andExpect(content().string(containsString("<td>Bad timing</td>")));
    }
}
