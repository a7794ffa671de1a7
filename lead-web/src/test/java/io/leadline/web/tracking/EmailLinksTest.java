package io.leadline.web.tracking;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class EmailLinksTest {

    static final String PERSON =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenRegistry tokens;

    @Autowired
    Leads leads;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = new JsonMapper();

    long lead() {
        String email = "mailed-" + UUID.randomUUID() + "@acme.com";
        return leads.save(Lead.capture(
                        new LeadProfile(
                                "Mailed", EmailAddress.parse(email).orElseThrow(), null, null, null, null, null, null),
                        Instant.now()))
                .id();
    }

    String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    List<String> types(long lead) {
        return jdbc.sql("select type from activity where lead_id = ? order by id")
                .param(lead)
                .query(String.class)
                .list();
    }

    @Test
    void a_campaigns_links_record_opens_and_clicks_and_redirect_only_where_they_were_made_to() throws Exception {
        long lead = lead();
        String answer = mvc.perform(post("/api/email-links")
                        .with(bearer(ApiClients.token(tokens, Role.MARKETER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"campaign\":\"november-news\",\"urls\":[\"https://www.acme.com/webinar\"],\"leads\":[{\"leadId\":"
                                        + lead + "}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].leadId").value(lead))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var item = json.readTree(answer).get("items").get(0);
        String pixel = path(item.get("openPixel").asString());
        String click =
                path(item.get("links").get("https://www.acme.com/webinar").asString());

        mvc.perform(get(pixel).header("User-Agent", PERSON))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_GIF))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get(pixel).header("User-Agent", "Mozilla/5.0")).andExpect(status().isOk());
        mvc.perform(get(click).header("User-Agent", PERSON))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "https://www.acme.com/webinar"))
                .andExpect(header().doesNotExist("Set-Cookie"));

        assertThat(types(lead)).containsExactly("email_open", "email_open_prefetched", "email_click");
        assertThat(jdbc.sql("select engagement_points from lead_score where lead_id = ?")
                        .param(lead)
                        .query(Integer.class)
                        .single())
                .as("the open and the click score; the prefetched open does not")
                .isPositive();
    }

    @Test
    void a_changed_link_redirects_nowhere_and_records_nothing() throws Exception {
        long lead = lead();
        String answer = mvc.perform(post("/api/email-links")
                        .with(bearer(ApiClients.token(tokens, Role.MARKETER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaign\":\"c1\",\"urls\":[\"https://www.acme.com/a\"],\"leads\":[{\"leadId\":"
                                + lead + "}]}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String click = path(json.readTree(answer)
                .get("items")
                .get(0)
                .get("links")
                .get("https://www.acme.com/a")
                .asString());
        String token = click.substring("/t/c/".length());
        String body = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String evil = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(body.replace("https://www.acme.com/a", "https://evil.example/")
                        .getBytes());

        mvc.perform(get("/t/c/" + evil + token.substring(token.indexOf('.'))))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Location"));
        mvc.perform(get("/t/c/nonsense")).andExpect(status().isNotFound());
        mvc.perform(get("/t/o/nonsense.gif")).andExpect(status().isOk());
        assertThat(types(lead)).isEmpty();
    }

    @Test
    void the_links_come_as_csv_for_a_mail_merge_and_bad_requests_get_a_problem() throws Exception {
        long lead = lead();
        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/email-links")
                        .with(bearer(token))
                        .accept("text/csv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"campaign\":\"c2\",\"urls\":[\"https://www.acme.com/a\",\"https://www.acme.com/b\"],\"leads\":[{\"leadId\":"
                                        + lead + "}]}"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("lead_id,email,open_pixel,link_1,link_2\r\n" + lead + ",\"mailed-")));
        mvc.perform(post("/api/email-links")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"campaign\":\"c3\",\"urls\":[\"javascript:alert(1)\"],\"leads\":[{\"leadId\":-5}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("urls[0]", "leads[0]")));
        mvc.perform(post("/api/email-links")
                        .with(bearer(ApiClients.token(tokens, Role.SALES)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaign\":\"c4\",\"leads\":[{\"leadId\":" + lead + "}]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_marketer_downloads_the_links_of_the_filtered_leads_and_a_bad_campaign_is_marked_at_its_field()
            throws Exception {
        String company = "Linkco " + UUID.randomUUID().toString().substring(0, 8);
        long first = leads.save(Lead.capture(
                        new LeadProfile(
                                "One",
                                EmailAddress.parse("one-" + UUID.randomUUID() + "@linkco.com")
                                        .orElseThrow(),
                                company,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Instant.now()))
                .id();
        long second = leads.save(Lead.capture(
                        new LeadProfile(
                                "Two",
                                EmailAddress.parse("two-" + UUID.randomUUID() + "@linkco.com")
                                        .orElseThrow(),
                                company,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Instant.now()))
                .id();
        var marketer = SecurityMockMvcRequestPostProcessors.user("m").roles("MARKETER");

        mvc.perform(get("/leads/email-links").param("text", company).with(marketer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("For the 2 leads on the list")))
                .andExpect(content().string(containsString("type=\"hidden\" name=\"text\" value=\"" + company + "\"")));
        String csv = mvc.perform(get("/leads/email-links.csv")
                        .param("text", company)
                        .param("campaign", "spring news")
                        .param("urls", "https://www.acme.com/a\nhttps://www.acme.com/b")
                        .with(marketer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("spring-news-links.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv)
                .startsWith("lead_id,email,open_pixel,link_1,link_2\r\n")
                .contains(first + ",\"one-")
                .contains(second + ",\"two-");
        String click = path(csv.split("\r\n")[1].split(",")[4]);
        mvc.perform(get(click).header("User-Agent", PERSON))
                .andExpect(header().string("Location", "https://www.acme.com/b"));

        String back = mvc.perform(get("/leads/email-links.csv")
                        .param("text", company)
                        .param("campaign", "")
                        .param("urls", "ftp://x")
                        .with(marketer))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(back).with(marketer))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"campaign-error\"")))
                .andExpect(content().string(containsString("Not an http or https address")));
    }
}
