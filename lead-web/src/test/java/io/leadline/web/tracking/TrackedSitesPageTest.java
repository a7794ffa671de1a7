package io.leadline.web.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.tracking.TrackedSites;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class TrackedSitesPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TrackedSites sites;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_adds_a_site_and_gets_its_snippet_and_identify_secret() throws Exception {
        String name = "Site " + UUID.randomUUID();
        String location = mvc.perform(post("/settings/tracking")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("name", name)
                        .param("origins", "https://www.example.com/\nhttps://*.example.org")
                        .param("consentRequired", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        var site = sites.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(site.originList()).containsExactly("https://www.example.com", "https://*.example.org");
        assertThat(location).isEqualTo("/settings/tracking/" + site.id());
        mvc.perform(get(location).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("/t/leadline.js&quot; data-site=&quot;" + site.siteKey()
                                + "&quot; data-consent=&quot;required&quot;")))
                .andExpect(content().string(containsString(site.secret())));
        assertThat(jdbc.sql("select count(*) from audit_event where target = ?")
                        .param("tracked site " + site.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void origins_that_cannot_be_read_are_marked_at_the_field_and_nothing_is_stored() throws Exception {
        int before = sites.all().size();
        mvc.perform(post("/settings/tracking")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("name", "Bad")
                        .param("origins", "www.example.com"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"origins-error\"")))
                .andExpect(content().string(containsString("Not an origin: www.example.com")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/settings/tracking")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("name", "")
                        .param("origins", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")));
        assertThat(sites.all()).hasSize(before);
    }

    @Test
    void an_admin_changes_a_site_and_the_collect_endpoint_sees_it_at_once() throws Exception {
        String name = "Editable " + UUID.randomUUID();
        mvc.perform(post("/settings/tracking")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("name", name)
                .param("origins", "https://old.example.com"));
        var site = sites.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();

        mvc.perform(post("/settings/tracking/{id}", site.id())
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("name", name)
                        .param("origins", "https://new.example.com")
                        .param("honourPrivacySignals", "true"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/t/{key}/collect", site.siteKey())
                        .header("Origin", "https://old.example.com")
                        .header("User-Agent", CollectEndpointTest.BROWSER)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/t/{key}/collect", site.siteKey())
                        .header("Origin", "https://new.example.com")
                        .header("User-Agent", CollectEndpointTest.BROWSER)
                        .content("{\"k\":\"page_view\",\"pv\":\"a1\",\"url\":\"https://new.example.com/\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/settings/tracking/{id}", 999_999_999)
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound());
    }
}
