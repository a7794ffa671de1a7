package io.leadline.web.accounts;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.user.Role;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import io.leadline.web.webhook.WebhookReceiver;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accounts view lists every account by its stored score (kept current by the roll-up in the background), the
 * account page explains it, an admin gives the account an owner, and its new MQLs go to that owner.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Autowired
    LeadCapture capture;

    private final String company = "Account Co " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void reps() {
        users.createIfAbsent("rita", "rita-password-1", Role.SALES);
    }

    private long lead(String name, String title) {
        return capture.capture(new LeadProfile(
                        name,
                        new EmailAddress(UUID.randomUUID() + "@accounts.example.com"),
                        company,
                        title,
                        3000,
                        "BR",
                        "paid_search",
                        Map.of()))
                .id();
    }

    private long accountOf(long leadId) {
        return jdbc.sql("select account_id from lead where id = ?")
                .param(leadId)
                .query(Long.class)
                .single();
    }

    private boolean storedMqa(long account) {
        return jdbc.sql("select mqa from account_score where account_id = ?")
                .param(account)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Test
    void an_engaged_account_is_an_mqa_on_the_accounts_view_and_its_page_says_why() throws Exception {
        long ceo = lead("Account Ceo", "CEO");
        lead("Account Director", "Director of Sales");
        lead("Account Analyst", "Analyst");
        long account = accountOf(ceo);
        jdbc.sql("update account set owner = 'rita' where id = ?")
                .param(account)
                .update();
        try (var receiver = new WebhookReceiver().subscribe(mvc, "ACCOUNT_MQA")) {
            jdbc.sql("update lead_score set engagement_points = 20, score = score + 20 where lead_id in "
                            + "(select id from lead where company = ? and full_name <> 'Account Analyst')")
                    .param(company)
                    .update();

            eventually(() -> assertThat(storedMqa(account))
                    .as("the roll-up ran in the background")
                    .isTrue());
            eventually(() -> assertThat(receiver.bodies())
                    .anySatisfy(body -> assertThat(body)
                            .contains("\"type\":\"account.mqa\"", "\"id\":" + account + ",", "\"owner\":\"rita\"")));
            eventually(() -> assertThat(jdbc.sql(
                                    "select count(*) from inbox_item where username = 'rita' and kind = 'ACCOUNT_MQA' and text like ?")
                            .param(company + " is an MQA%")
                            .query(Long.class)
                            .single())
                    .as("the owner is told")
                    .isEqualTo(1));
        }

        mvc.perform(get("/accounts")
                        .param("mqa", "true")
                        .param("roles", "2")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(company)))
                .andExpect(content().string(containsString("href=\"/accounts/" + account + "\"")));
        mvc.perform(get("/accounts/{id}", account).with(user("rita").roles("SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buying-committee coverage")))
                .andExpect(content().string(containsString("Account Analyst")))
                .andExpect(content().string(containsString("Became an MQA")))
                .andExpect(content().string(containsString("Account score by day")))
                .andExpect(content().string(not(containsString("Save owner"))));
        mvc.perform(get("/queue/accounts").with(user("mia").roles("MARKETER"))).andExpect(redirectedUrl("/accounts"));
        mvc.perform(get("/accounts/{id}", Long.MAX_VALUE).with(user("mia").roles("MARKETER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/leads/{id}", ceo).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("href=\"/accounts/" + account + "\"")));
    }

    @Test
    void an_admin_gives_the_account_an_owner_who_gets_its_new_mqls() throws Exception {
        long first = lead("Owner First", "Analyst");
        long account = accountOf(first);
        jdbc.sql("delete from assignment_rule").update();
        try {
            mvc.perform(post("/settings/handoff/rules")
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf())
                            .param("kind", "ACCOUNT_OWNER"))
                    .andExpect(redirectedUrl("/settings/handoff"));
            mvc.perform(post("/accounts/{id}/owner", account)
                            .param("owner", "rita")
                            .with(user("rita").roles("SALES"))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/accounts/{id}/owner", account)
                            .param("owner", "nobody-here")
                            .with(user("ada").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(flash().attribute("error", "Choose an active sales rep."));
            mvc.perform(post("/accounts/{id}/owner", account)
                            .param("owner", "rita")
                            .with(user("ada").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/accounts/" + account));
            assertThat(jdbc.sql("select owner from account where id = ?")
                            .param(account)
                            .query(String.class)
                            .single())
                    .isEqualTo("rita");
            assertThat(jdbc.sql(
                                    "select count(*) from audit_event where action = 'ACCOUNT_OWNER_CHANGED' and target = ?")
                            .param("account " + account)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            long mql = lead("Owner Mql", "CEO");

            eventually(() -> assertThat(jdbc.sql("select owner from lead where id = ?")
                            .param(mql)
                            .query(String.class)
                            .optional()
                            .orElse(null))
                    .isEqualTo("rita"));
            eventually(() -> mvc.perform(get("/accounts")
                            .param("owner", "rita")
                            .with(user("mia").roles("MARKETER")))
                    .andExpect(content().string(containsString(company))));
        } finally {
            jdbc.sql("delete from assignment_rule").update();
        }
    }
}
