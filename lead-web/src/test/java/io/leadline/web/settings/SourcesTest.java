package io.leadline.web.settings;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import io.leadline.web.TestLeads;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** An admin merges a source into another: the leads move, and later leads by any path land in the merged-into source. */
@SpringBootTest
@AutoConfigureMockMvc
class SourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void merged_sources_move_their_leads_and_catch_every_later_lead() throws Exception {
        String alias = "Google Ads " + tag;
        String key = "google_ads_" + tag;
        String into = "Paid Search " + tag;
        String target = "paid_search_" + tag;
        long formLead = TestLeads.capture(mvc, "Ana Form", "CEO", 40, alias);
        TestLeads.capture(mvc, "Bia Target", "CEO", 40, into);
        assertThat(source(formLead)).isEqualTo(key);
        mvc.perform(get("/settings/sources").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString(key)))
                .andExpect(content().string(containsString(target)));

        long rescoresBefore =
                jdbc.sql("select count(*) from rescore_job").query(Long.class).single();
        mvc.perform(post("/settings/sources/merge")
                        .param("alias", key)
                        .param("into", into)
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("Tick the box to confirm")));
        assertThat(source(formLead)).isEqualTo(key);
        mvc.perform(post("/settings/sources/merge")
                        .param("alias", key)
                        .param("into", into)
                        .param("confirm", "yes")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message",
                                "Merged " + key + " into " + target + ": 1 lead moved; it is being "
                                        + "rescored. New leads with " + key + " are stored as " + target + "."));
        assertThat(source(formLead)).isEqualTo(target);
        assertThat(jdbc.sql("select count(*) from rescore_job")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(rescoresBefore);
        assertThat(jdbc.sql("select count(*) from rescore_job where status in ('QUEUED', 'RUNNING', 'DONE')")
                        .query(Long.class)
                        .single())
                .isPositive();

        // Later leads with the merged name, by the form and by an import, get the source it went into.
        long later = TestLeads.capture(mvc, "Caio Later", "CEO", 40, "google-ads-" + tag);
        assertThat(source(later)).isEqualTo(target);
        String email = "imported-" + tag + "@sources.example";
        importFile("Email,Lead Source\n" + email + "," + alias + "\n");
        eventually(() -> assertThat(jdbc.sql("select source from lead where email = ?")
                        .param(email)
                        .query(String.class)
                        .optional())
                .contains(target));
        mvc.perform(get("/settings/sources").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("<strong>" + key + "</strong>")));
        mvc.perform(get("/settings/audit").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("merged into " + target)));

        mvc.perform(post("/settings/sources/forget")
                        .param("alias", key)
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("message"));
        long afterForget = TestLeads.capture(mvc, "Duda Again", "CEO", 40, alias);
        assertThat(source(afterForget)).isEqualTo(key);
        assertThat(source(formLead)).as("leads merged before stay merged").isEqualTo(target);
    }

    @Test
    void a_source_is_not_merged_into_itself() throws Exception {
        mvc.perform(post("/settings/sources/merge")
                        .param("alias", "referral")
                        .param("into", "Referral")
                        .param("confirm", "yes")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "A source cannot be merged into itself."));
        mvc.perform(post("/settings/sources/merge")
                        .param("alias", "")
                        .param("into", "referral")
                        .param("confirm", "yes")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Choose the source to merge."));
        assertThat(jdbc.sql("select count(*) from source_alias where alias = 'referral'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String source(long lead) {
        return jdbc.sql("select source from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();
    }

    private void importFile(String csv) throws Exception {
        String location = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("file", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(location + "/start")
                .param("field0", "EMAIL")
                .param("field1", "SOURCE")
                .param("policy", "SKIP")
                .param("dryRun", "false")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
    }
}
