package io.leadline.web.tracking;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSite;
import io.leadline.core.tracking.TrackedSites;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "leadline.tracking.hits-per-visitor-minute=30")
@AutoConfigureMockMvc
class CollectEndpointTest {

    static final String ORIGIN = "https://www.acme-tracking.example";
    static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    @Autowired
    MockMvc mvc;

    @Autowired
    TrackedSites sites;

    @Autowired
    HitBuffer buffer;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = new JsonMapper();

    TrackedSite site(boolean consent) {
        String key = "site_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long id = sites.add(
                new TrackedSites.NewSite("Acme", SiteOrigins.parse(ORIGIN).origins(), consent, true),
                key,
                "lis_" + UUID.randomUUID(),
                "admin",
                Instant.now());
        return sites.byId(id).orElseThrow();
    }

    MockHttpServletRequestBuilder hit(TrackedSite site, String body) {
        return hit(site, body, ORIGIN, BROWSER);
    }

    MockHttpServletRequestBuilder hit(TrackedSite site, String body, String origin, String userAgent) {
        return post("/t/{key}/collect", site.siteKey())
                .header("Origin", origin)
                .header("User-Agent", userAgent)
                .contentType(MediaType.TEXT_PLAIN)
                .content(body)
                .with(from("10.77.0." + (int) (Math.random() * 250)));
    }

    String pageView(String url, String visitor) {
        return "{\"k\":\"page_view\",\"pv\":\"pv" + Math.abs(url.hashCode()) + "\",\"url\":\"" + url
                + "\",\"title\":\"T\"" + (visitor == null ? "" : ",\"v\":\"" + visitor + "\"") + "}";
    }

    /** The token of a freshly served form, as a browser would send it back. */
    String formToken() throws Exception {
        String page = mvc.perform(get("/forms/demo")).andReturn().getResponse().getContentAsString();
        var token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    String visitorFrom(String answer) {
        return json.readTree(answer).get("v").asString();
    }

    long hitsOf(TrackedSite site) {
        buffer.flush();
        return jdbc.sql("select count(*) from tracking_hit where site_id = ?")
                .param(site.id())
                .query(Long.class)
                .single();
    }

    @Test
    void a_page_view_from_the_sites_origin_is_kept_and_answered_with_a_signed_visitor_id() throws Exception {
        TrackedSite site = site(false);
        String answer = mvc.perform(hit(site, pageView(ORIGIN + "/pricing?utm_source=ads", null)))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String visitor = visitorFrom(answer);
        assertThat(visitor).startsWith(site.siteKey() + ".");

        mvc.perform(hit(site, "{\"k\":\"page_time\",\"pv\":\"pv1\",\"ms\":42000,\"v\":\"" + visitor + "\"}"))
                .andExpect(status().isNoContent());
        String again = mvc.perform(hit(site, pageView(ORIGIN + "/docs", visitor)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(visitorFrom(again)).isEqualTo(visitor);
        assertThat(hitsOf(site)).isEqualTo(3);
    }

    @Test
    void a_page_left_before_its_answer_keeps_its_visitor_through_the_snippets_own_random_id() throws Exception {
        TrackedSite site = site(false);
        String pid = "abcdefghij0123456789wxyz";
        String first = mvc.perform(hit(site, pageView(ORIGIN + "/", null).replace("}", ",\"pid\":\"" + pid + "\"}")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(
                        hit(site, pageView(ORIGIN + "/pricing", null).replace("}", ",\"pid\":\"" + pid + "\"}")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(visitorFrom(second)).isEqualTo(visitorFrom(first));
        assertThat(visitorFrom(mvc.perform(hit(
                                site(false), pageView(ORIGIN + "/", null).replace("}", ",\"pid\":\"" + pid + "\"}")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .as("another site's visitor")
                .isNotEqualTo(visitorFrom(first));
        buffer.flush();
        assertThat(jdbc.sql("select count(distinct visitor_id) from tracking_hit where site_id = ?")
                        .param(site.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_script_is_served_to_anyone_cacheable_for_an_hour_and_without_cookies() throws Exception {
        mvc.perform(get("/t/leadline.js"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("javascript")))
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(MockMvcResultMatchers.content().string(containsString("leadline('identify'")));
    }

    @Test
    void other_origins_are_refused_by_cors_and_by_the_endpoint() throws Exception {
        TrackedSite site = site(false);
        mvc.perform(options("/t/{key}/collect", site.siteKey())
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
        mvc.perform(options("/t/{key}/collect", site.siteKey())
                        .header("Origin", ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN));
        mvc.perform(hit(site, pageView(ORIGIN + "/", null), "https://evil.example", BROWSER))
                .andExpect(status().isForbidden());
        mvc.perform(post("/t/{key}/collect", site.siteKey())
                        .header("User-Agent", BROWSER)
                        .content(pageView(ORIGIN + "/", null)))
                .andExpect(status().isForbidden());
        mvc.perform(hit(site, pageView("https://evil.example/", null))).andExpect(status().isBadRequest());
        mvc.perform(post("/t/site_nosuchsite/collect").header("Origin", ORIGIN).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(hitsOf(site)).isZero();
    }

    @Test
    void robots_privacy_signals_missing_consent_and_unsigned_visitors_send_nothing() throws Exception {
        TrackedSite site = site(false);
        mvc.perform(hit(site, pageView(ORIGIN + "/", null), ORIGIN, "Googlebot/2.1 (+http://www.google.com/bot.html)"))
                .andExpect(status().isNoContent());
        mvc.perform(hit(site, pageView(ORIGIN + "/", null), ORIGIN, "Mozilla/5.0 HeadlessChrome/131.0"))
                .andExpect(status().isNoContent());
        mvc.perform(hit(site, pageView(ORIGIN + "/", null)).header("Sec-GPC", "1"))
                .andExpect(status().isNoContent());
        mvc.perform(hit(
                        site,
                        "{\"k\":\"page_time\",\"pv\":\"pv1\",\"ms\":1000,\"v\":\"" + site.siteKey() + "."
                                + UUID.randomUUID() + ".forged\"}"))
                .andExpect(status().isNoContent());
        TrackedSite asking = site(true);
        mvc.perform(hit(asking, pageView(ORIGIN + "/", null))).andExpect(status().isNoContent());
        mvc.perform(hit(asking, pageView(ORIGIN + "/", null).replace("}", ",\"c\":1}")))
                .andExpect(status().isOk());

        assertThat(hitsOf(site)).isZero();
        assertThat(hitsOf(asking)).isEqualTo(1);
    }

    @Test
    void bad_hits_get_a_problem_and_big_or_many_ones_are_refused() throws Exception {
        TrackedSite site = site(false);
        mvc.perform(hit(site, "not json"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(hit(site, "{\"k\":\"page_view\",\"pv\":\"<script>\",\"url\":\"" + ORIGIN + "/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("pv")));
        mvc.perform(hit(site, "{\"k\":\"page_view\",\"pv\":\"a\",\"url\":\"" + ORIGIN + "/" + "x".repeat(9000) + "\"}"))
                .andExpect(status().isContentTooLarge());
        String visitor = visitorFrom(mvc.perform(hit(site, pageView(ORIGIN + "/", null)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int code = mvc.perform(hit(site, pageView(ORIGIN + "/p" + i, visitor)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            refused += code == 429 ? 1 : 0;
        }
        assertThat(refused).as("a visitor may send 30 hits a minute here").isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_form_sent_from_a_tracked_page_attaches_the_earlier_visits_to_the_new_lead_and_scores_the_pricing_page()
            throws Exception {
        TrackedSite site = site(false);
        String visitor = visitorFrom(mvc.perform(hit(site, pageView(ORIGIN + "/pricing", null)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        mvc.perform(hit(site, pageView(ORIGIN + "/blog/post", visitor)));
        String email = "tracked-" + UUID.randomUUID() + "@acme.com";

        mvc.perform(post("/forms/{c}", "demo")
                        .with(from("10.78.0.1"))
                        .param("token", formToken())
                        .param("email", email)
                        .param("lv", visitor))
                .andExpect(status().is3xxRedirection());

        long lead = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select type from activity where lead_id = ? order by id")
                        .param(lead)
                        .query(String.class)
                        .list())
                .containsExactly("form_submission", "pricing_page_visit", "web_visit");
        assertThat(jdbc.sql("select lead_id from tracked_visitor where id = ?")
                        .param(UUID.fromString(visitor.split("\\.")[1]))
                        .query(Long.class)
                        .single())
                .isEqualTo(lead);

        mvc.perform(hit(site, pageView(ORIGIN + "/plans", visitor))).andExpect(status().isOk());
        buffer.flush();
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type = 'pricing_page_visit'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .as("later hits go straight to the lead")
                .isEqualTo(2);
    }

    @Test
    void a_forged_or_someone_elses_visitor_id_attaches_nothing() throws Exception {
        TrackedSite site = site(false);
        String victim = visitorFrom(mvc.perform(hit(site, pageView(ORIGIN + "/pricing", null)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String[] parts = victim.split("\\.");
        String forged = parts[0] + "." + UUID.randomUUID() + "." + parts[2];
        String email = "forger-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(post("/forms/{c}", "demo")
                        .with(from("10.78.0.2"))
                        .param("token", formToken())
                        .param("email", email)
                        .param("lv", forged))
                .andExpect(status().is3xxRedirection());
        long forger = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type <> 'form_submission'")
                        .param(forger)
                        .query(Long.class)
                        .single())
                .isZero();

        String owner = "owner-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(post("/forms/{c}", "demo")
                .with(from("10.78.0.3"))
                .param("token", formToken())
                .param("email", owner)
                .param("lv", victim));
        String thief = "thief-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(post("/forms/{c}", "demo")
                .with(from("10.78.0.4"))
                .param("token", formToken())
                .param("email", thief)
                .param("lv", victim));
        assertThat(jdbc.sql(
                                "select count(*) from activity a join lead l on l.id = a.lead_id where l.email = ? and a.type <> 'form_submission'")
                        .param(thief)
                        .query(Long.class)
                        .single())
                .as("the visitor stays with its first lead")
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from activity a join lead l on l.id = a.lead_id where l.email = ? and a.type = 'pricing_page_visit'")
                        .param(owner)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void identify_needs_the_sites_token() throws Exception {
        TrackedSite site = site(false);
        String visitor = visitorFrom(mvc.perform(hit(site, pageView(ORIGIN + "/pricing", null)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String email = "known-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(post("/forms/{c}", "demo")
                .with(from("10.78.0.5"))
                .param("token", formToken())
                .param("email", email));
        long lead = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();

        mvc.perform(hit(
                        site,
                        "{\"k\":\"identify\",\"v\":\"" + visitor + "\",\"email\":\"" + email
                                + "\",\"token\":\"00ff\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from tracked_visitor where lead_id = ?")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isZero();

        String token = VisitorIds.identifyToken(site, email.toUpperCase());
        mvc.perform(hit(
                        site,
                        "{\"k\":\"identify\",\"v\":\"" + visitor + "\",\"email\":\"" + email + "\",\"token\":\"" + token
                                + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type = 'pricing_page_visit'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
