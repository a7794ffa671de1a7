package io.leadline.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "rosa." + tag + "@example.org";

    private long capture() throws Exception {
        String location = mvc.perform(post("/leads/new")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("fullName", "Rosa Prado " + tag)
                        .param("email", email)
                        .param("company", "Prado " + tag))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/leads/".length()));
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at, detail) values (?, 'WEBINAR_ATTENDED', ?, 'Q4 webinar')")
                .params(id, Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    @Test
    void an_admin_finds_a_person_downloads_everything_and_erases_it_from_one_page() throws Exception {
        long lead = capture();

        mvc.perform(get("/settings/personal-data")
                        .param("email", email.toUpperCase())
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What Leadline holds about " + email)))
                .andExpect(content().string(containsString("/leads/" + lead)));
        mvc.perform(get("/settings/personal-data/export.json")
                        .param("email", email)
                        .with(user("ada").roles("ADMIN")))
                .andExpect(header().string("Content-Disposition", containsString("personal-data.json")))
                .andExpect(content().string(containsString("\"Q4 webinar\"")))
                .andExpect(content().string(containsString("\"Rosa Prado " + tag + "\"")));
        mvc.perform(get("/settings/personal-data/export.csv")
                        .param("email", email)
                        .with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("activities,1,detail,Q4 webinar")));

        mvc.perform(post("/settings/personal-data/erase")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("email", email)
                        .param("confirm", "someone@else.com"))
                .andExpect(flash().attribute("error", containsString("nothing was erased")));
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isOne();

        mvc.perform(post("/settings/personal-data/erase")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("email", email)
                        .param("confirm", " " + email.toUpperCase()))
                .andExpect(flash().attribute("message", containsString("rows held about that person are gone")));
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where detail ilike ? or target ilike ?")
                        .params("%" + tag + "%", "%" + tag + "%")
                        .query(Long.class)
                        .single())
                .as("the export's audit entry names the person; the erasure clears it")
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_ERASED' and actor = 'ada'")
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/leads/{id}", lead).with(user("ada").roles("ADMIN"))).andExpect(status().isNotFound());
    }

    @Test
    void a_mistyped_address_gets_a_message_by_the_field_and_only_admins_see_the_page() throws Exception {
        mvc.perform(get("/settings/personal-data")
                        .param("email", "not an address")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That is not an email address Leadline can look for.")));
        mvc.perform(get("/settings/personal-data/export.json")
                        .param("email", "nope")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/settings/personal-data").with(user("mia").roles("MARKETER")))
                .andExpect(status().isForbidden());
    }
}
