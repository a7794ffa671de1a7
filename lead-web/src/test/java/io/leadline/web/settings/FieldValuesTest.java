package io.leadline.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.LeadList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An admin writing a rule looks up a custom field's values, as rules compare them, with their leads and win rates. */
@SpringBootTest
@AutoConfigureMockMvc
class FieldValuesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private void lead(String key, String value, String stage) {
        jdbc.sql("""
                insert into lead (id, version, full_name, email, attributes, stage, created_at, updated_at)
                values (nextval('lead_seq'), 0, 'Values', md5(random()::text) || '@values.example', jsonb_build_object(?::text, ?::text), ?, now(), now())""").params(key, value, stage).update();
    }

    @Test
    void values_are_folded_counted_and_their_win_rates_over_resolved_leads_shown() throws Exception {
        String key = "quality_" + UUID.randomUUID().toString().substring(0, 6);
        lead(key, "High", "WON");
        lead(key, "high", "WON");
        lead(key, "HIGH", "LOST");
        lead(key, "High", "MQL");
        lead(key, "Low", "DISQUALIFIED");
        lead(key, "N/A", "NEW");

        var result = mvc.perform(get("/settings/model/values")
                        .param("field", key.toUpperCase().replace('_', ' '))
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn();
        @SuppressWarnings("unchecked")
        var counts =
                (List<LeadList.ValueCount>) result.getModelAndView().getModel().get("counts");
        assertThat(counts)
                .containsExactly(
                        new LeadList.ValueCount("high", 4, 2, 1),
                        new LeadList.ValueCount("low", 1, 0, 1),
                        new LeadList.ValueCount(LeadList.ValueCount.UNKNOWN, 1, 0, 0));
        assertThat(counts.getFirst().winRate()).isEqualTo(2 / 3.0);
        assertThat(result.getResponse().getContentAsString()).contains("Values of " + key, "66.7%");

        mvc.perform(get("/settings/model/values").with(user("sam").roles("SALES")))
                .andExpect(status().isForbidden());
    }
}
