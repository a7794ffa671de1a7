package io.leadline.web.api;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.leadline.core.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The lead endpoints, each through success, auth failure, validation failure and its conflicts. */
@SpringBootTest
@AutoConfigureMockMvc
class LeadApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenRegistry registry;

    @Autowired
    JdbcClient jdbc;

    String marketer;
    String sales;

    @BeforeEach
    void tokens() {
        marketer = ApiClients.token(registry, Role.MARKETER);
        sales = ApiClients.token(registry, Role.SALES);
    }

    private ResultActions create(String token, String json) throws Exception {
        return mvc.perform(post("/api/leads")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String email() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.com";
    }

    @Test
    void a_lead_is_created_scored_read_and_its_receipt_adds_up() throws Exception {
        String email = email();
        String location = create(marketer, """
                {"fullName": "Ana Souza", "email": "%s", "company": "Acme", "jobTitle": "CTO", "companySize": 500,
                 "country": "BR", "source": "api-test", "externalId": "crm-%s", "attributes": {"plan": "team"}}""".formatted(email.toUpperCase(), UUID.randomUUID()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.stage").exists())
                .andExpect(jsonPath("$.score").isNumber())
                .andExpect(jsonPath("$.attributes.plan").value("team"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).matches("/api/leads/\\d+");

        String lead = mvc.perform(get(location).with(bearer(sales)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Ana Souza"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int stored = JsonPath.read(lead, "$.score");

        String score = mvc.perform(get(location + "/score").with(bearer(sales)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> points = JsonPath.read(score, "$.receipt[*].points");
        int total = JsonPath.read(score, "$.total");
        assertThat(points.stream().mapToInt(Integer::intValue).sum())
                .as("the receipt adds up")
                .isEqualTo(total);
        assertThat(total).isEqualTo(stored);
        List<String> rules = JsonPath.read(score, "$.receipt[*].rule");
        assertThat(rules).isNotEmpty();
    }

    @Test
    void bad_input_gets_a_problem_naming_each_field_and_stores_nothing() throws Exception {
        long before = leads();
        create(marketer, """
                {"fullName": "", "email": "not-an-address", "companySize": -4, "country": "Brazil"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[?(@.field == 'country')].reason")
                        .value("Send the country as an ISO code such as DE or US."));
        create(marketer, "{\"fullName\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void a_second_lead_with_the_same_email_is_a_conflict() throws Exception {
        String email = email();
        create(marketer, "{\"fullName\": \"First\", \"email\": \"" + email + "\"}")
                .andExpect(status().isCreated());
        create(marketer, "{\"fullName\": \"Second\", \"email\": \"" + email + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Duplicate lead"))
                .andExpect(jsonPath("$.existingLead").value(startsWith("/api/leads/")));
    }

    @Test
    void roles_decide_what_a_token_may_do() throws Exception {
        create(sales, "{\"fullName\": \"X\", \"email\": \"" + email() + "\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This token's role may not use this endpoint."));
        long id = id(create(marketer, "{\"fullName\": \"Y\", \"email\": \"" + email() + "\"}"));
        mvc.perform(post("/api/leads/" + id + "/outcome")
                        .with(bearer(marketer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/leads/" + id)).andExpect(status().isUnauthorized());
    }

    @Test
    void an_update_with_a_stale_version_is_a_conflict_not_a_lost_update() throws Exception {
        String email = email();
        String body = create(
                        marketer,
                        "{\"fullName\": \"Bo\", \"email\": \"" + email + "\", \"attributes\": {\"plan\": \"team\"}}")
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        long version = ((Number) JsonPath.read(body, "$.version")).longValue();

        mvc.perform(put("/api/leads/" + id)
                        .with(bearer(marketer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"version\": %d, \"fullName\": \"Bo Lindqvist\", \"email\": \"%s\", \"jobTitle\": \"VP Sales\"}"
                                        .formatted(version, email)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Bo Lindqvist"))
                .andExpect(jsonPath("$.jobTitle").value("VP Sales"))
                .andExpect(jsonPath("$.attributes.plan").value("team"));
        mvc.perform(put("/api/leads/" + id)
                        .with(bearer(marketer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": %d, \"fullName\": \"Bo Stale\", \"email\": \"%s\"}"
                                .formatted(version, email)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Edit conflict"));
        mvc.perform(put("/api/leads/" + id)
                        .with(bearer(marketer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"Bo\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select full_name from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Bo Lindqvist");
        mvc.perform(get("/api/leads/999999999").with(bearer(sales)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no lead 999999999."));
    }

    @Test
    void search_pages_by_keyset_until_the_last_page() throws Exception {
        String source = "keyset-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(id(create(
                    marketer,
                    "{\"fullName\": \"Page %d\", \"email\": \"%s\", \"source\": \"%s\"}"
                            .formatted(i, email(), source))));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = get("/api/leads")
                    .with(bearer(sales))
                    .param("source", source)
                    .param("size", "2");
            if (after != null) {
                request.param("after", after);
            }
            String page = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Number> ids = JsonPath.read(page, "$.items[*].id");
            ids.forEach(n -> seen.add(n.longValue()));
            after = JsonPath.read(page, "$.next");
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).as("newest first, each once").containsExactlyElementsOf(created.reversed());

        mvc.perform(get("/api/leads").with(bearer(sales)).param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("Ask for at least 1 lead."));
        mvc.perform(get("/api/leads").with(bearer(sales)).param("after", "nonsense"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/leads").with(bearer(sales)).param("stage", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void the_crm_reports_won_and_lost_deals_and_a_lost_deal_needs_a_reason() throws Exception {
        long id = id(create(marketer, "{\"fullName\": \"Deal\", \"email\": \"" + email() + "\"}"));
        outcome(sales, id, "{\"outcome\": \"LOST\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Say why the deal was lost."));
        outcome(sales, id, "{\"outcome\": \"SQL\", \"reason\": \"x\"}").andExpect(status().isBadRequest());
        outcome(sales, id, "{\"outcome\": \"WON\", \"reason\": \"Signed the annual plan\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("WON"));
        outcome(sales, id, "{\"outcome\": \"WON\"}").andExpect(status().isOk());
        var history = jdbc.sql("select to_stage, actor, reason from stage_change where lead_id = ? order by id")
                .param(id)
                .query((rs, n) -> rs.getString(1) + " by " + rs.getString(2) + ": " + rs.getString(3))
                .list();
        assertThat(history).hasSize(1);
        assertThat(history.getFirst()).startsWith("WON by api:test SALES").endsWith(": Signed the annual plan");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "GET, /api/leads",
        "POST, /api/leads",
        "GET, /api/leads/1",
        "PUT, /api/leads/1",
        "GET, /api/leads/1/score",
        "POST, /api/leads/1/outcome",
        "POST, /api/activities"
    })
    void every_endpoint_answers_401_as_a_problem_without_a_token(String method, String path) throws Exception {
        mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "GET, /api/leads/abc",
        "PUT, /api/leads/abc",
        "GET, /api/leads/abc/score",
        "POST, /api/leads/abc/outcome"
    })
    void a_malformed_lead_id_is_a_400_problem(String method, String path) throws Exception {
        mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                        .with(bearer(ApiClients.token(registry, Role.ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_lead_that_does_not_exist_is_a_404_problem_for_its_score_and_outcome_too() throws Exception {
        mvc.perform(get("/api/leads/999999998/score").with(bearer(sales)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        outcome(sales, 999999998, "{\"outcome\": \"WON\"}").andExpect(status().isNotFound());
    }

    private ResultActions outcome(String token, long id, String json) throws Exception {
        return mvc.perform(post("/api/leads/" + id + "/outcome")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static long id(ResultActions created) throws Exception {
        return ((Number) JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long leads() {
        return jdbc.sql("select count(*) from lead").query(Long.class).single();
    }
}
