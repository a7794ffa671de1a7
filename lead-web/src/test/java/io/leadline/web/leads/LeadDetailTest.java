package io.leadline.web.leads;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.web.TestLeads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class LeadDetailTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_lead_below_the_threshold_shows_what_is_missing_for_mql() throws Exception {
        long id = TestLeads.capture(mvc, "Gap Lead", "Sales Manager", 20, "email");

        mvc.perform(get("/leads/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("25 points short. The fewest steps that would get there:")))
                .andExpect(content().string(containsString("Demo requests: one more demo request (+30)")))
                .andExpect(content().string(containsString("Every field the model scores is known.")));
    }

    @Test
    void an_unknown_lead_id_is_a_404() throws Exception {
        mvc.perform(get("/leads/{id}", 987654321L).with(user("mia").roles("MARKETER")))
                .andExpect(status().isNotFound());
    }
}
