package io.leadline.web.security;

import static io.leadline.web.TestRequests.from;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Write paths that can race, fired at the same moment many rounds over: each answer is a success or a clear refusal
 * (a 409 or a message), never a 500, and nothing a visitor sent is lost.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RaceConflictsTest {

    private static final int ROUNDS = 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokenRegistry tokens;

    /** Both requests released together; answers their responses (an exception MockMvc rethrows is a 500). */
    private List<MockHttpServletResponse> atOnce(RequestBuilder first, RequestBuilder second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (RequestBuilder request : List.of(first, second)) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    try {
                        return mvc.perform(request).andReturn().getResponse();
                    } catch (Exception e) {
                        var failed = new MockHttpServletResponse();
                        failed.setStatus(500);
                        failed.getWriter().write(String.valueOf(e.getCause() != null ? e.getCause() : e));
                        return failed;
                    }
                };
                answers.add(pool.submit(call));
            }
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (var answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    private String formToken() throws Exception {
        String page = mvc.perform(get("/forms/race-webinar"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private MockHttpServletRequestBuilder submission(String email, String address) throws Exception {
        return post("/forms/race-webinar")
                .with(from(address))
                .param("token", formToken())
                .param("email", email)
                .param("full_name", "Race Visitor");
    }

    private static String shown(MockHttpServletResponse response) throws Exception {
        return response.getStatus() + " " + response.getContentAsString();
    }

    @Test
    void two_submissions_of_one_new_email_at_once_make_one_lead_and_lose_neither() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@forms.example";
            var answers =
                    atOnce(submission(email, "10.80." + round + ".1"), submission(email, "10.80." + round + ".2"));
            for (var answer : answers) {
                assertThat(answer.getStatus()).as(shown(answer)).isEqualTo(302);
            }
            assertThat(jdbc.sql("select count(*) from lead where email = ?")
                            .param(email)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // The winner made the lead; the other, from another browser, is held for a marketer (nothing lost).
            assertThat(jdbc.sql("""
                    select (select count(*) from activity a where a.lead_id = l.id and a.type = 'form_submission')
                         + (select count(*) from pending_submission p where p.lead_id = l.id)
                    from lead l where l.email = ?""").param(email).query(Long.class).single())
                    .as("both submissions kept")
                    .isEqualTo(2);
        }
    }

    @Test
    void two_submissions_of_a_known_lead_from_its_own_browser_at_once_both_count() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String email = "known-race-" + UUID.randomUUID().toString().substring(0, 8) + "@forms.example";
            var first = mvc.perform(submission(email, "10.81." + round + ".1"))
                    .andReturn()
                    .getResponse();
            var visitor = first.getCookie("leadline_visitor");
            assertThat(visitor).isNotNull();
            var answers = atOnce(
                    submission(email, "10.81." + round + ".2").cookie(visitor),
                    submission(email, "10.81." + round + ".3").cookie(visitor));
            for (var answer : answers) {
                assertThat(answer.getStatus()).as(shown(answer)).isEqualTo(302);
            }
            assertThat(jdbc.sql("""
                    select count(*) from activity a join lead l on l.id = a.lead_id
                    where l.email = ? and a.type = 'form_submission'""").param(email).query(Long.class).single())
                    .as("all three submissions counted")
                    .isEqualTo(3);
        }
    }

    @Test
    void disqualifying_while_an_admin_assigns_answers_both_without_a_500() throws Exception {
        accounts.createIfAbsent("race-rep", "race-rep-password", Role.SALES);
        accounts.createIfAbsent("race-rep-two", "race-rep-password", Role.SALES);
        accounts.createIfAbsent("race-admin", "race-admin-password", Role.ADMIN);
        for (int round = 0; round < ROUNDS; round++) {
            long lead = TestLeads.capture(mvc, "Race Lead " + round, "CTO", 2500, "paid_search");
            var answers = atOnce(
                    post("/leads/{id}/disqualify", lead)
                            .param("reason", "no_budget")
                            .with(csrf())
                            .with(user("race-rep").roles("SALES")),
                    post("/leads/{id}/assign", lead)
                            .param("rep", "race-rep-two")
                            .with(csrf())
                            .with(user("race-admin").roles("ADMIN")));
            for (var answer : answers) {
                assertThat(answer.getStatus()).as(shown(answer)).isLessThan(500);
            }
        }
    }

    @Test
    void two_outcomes_at_once_over_the_api_answer_problem_details() throws Exception {
        String token = ApiClients.token(tokens, Role.SALES);
        for (int round = 0; round < ROUNDS; round++) {
            long lead = TestLeads.capture(mvc, "Outcome Race " + round, "CTO", 2500, "paid_search");
            var won = post("/api/leads/{id}/outcome", lead)
                    .with(bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"outcome\": \"WON\"}");
            var lost = post("/api/leads/{id}/outcome", lead)
                    .with(bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"outcome\": \"LOST\", \"reason\": \"price\"}");
            for (var answer : atOnce(won, lost)) {
                assertThat(answer.getStatus()).as(shown(answer)).isIn(200, 409);
                if (answer.getStatus() == 409) {
                    assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                }
            }
        }
    }
}
