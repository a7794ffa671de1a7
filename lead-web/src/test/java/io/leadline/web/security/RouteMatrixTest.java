package io.leadline.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, tried as anonymous, MARKETER, SALES and ADMIN. The expected outcome of
 * each is written below; a new route without a line here fails the build, so no route ships without a rule.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RouteMatrixTest {

    /** What a visitor gets: through to the page or action, refused (403), or sent to sign in. */
    enum Outcome {
        IN,
        FORBIDDEN,
        LOGIN
    }

    private static final Outcome I = Outcome.IN;
    private static final Outcome F = Outcome.FORBIDDEN;
    private static final Outcome L = Outcome.LOGIN;

    /** route → outcome for anonymous, MARKETER, SALES, ADMIN. */
    private static final Map<String, List<Outcome>> EXPECTED = new LinkedHashMap<>();

    static {
        expect("GET /", L, I, I, I);
        expect("GET /login", I, I, I, I);
        expect("GET /leads/new", L, I, F, I);
        expect("POST /leads/new", L, I, F, I);
        expect("GET /leads/{id}", L, I, I, I);
        expect("GET /leads", L, I, I, I);
        expect("POST /segments", L, I, F, I);
        expect("POST /segments/{id}/delete", L, I, F, I);
        expect("GET /leads/{id}/edit", L, I, F, I);
        expect("POST /leads/{id}/edit", L, I, F, I);
        expect("POST /leads/{id}/submissions/{submission}/accept", L, I, F, I);
        expect("POST /leads/{id}/submissions/{submission}/dismiss", L, I, F, I);
        expect("POST /leads/{id}/activities", L, I, I, I);
        expect("POST /leads/{id}/contact", L, I, I, I);
        expect("GET /leads/export.csv", L, I, F, I);
        expect("POST /leads/export.csv", L, I, F, I);
        expect("GET /leads/email-links", L, I, F, I);
        expect("GET /leads/email-links.csv", L, I, F, I);
        expect("GET /leads/duplicates", L, I, F, I);
        expect("GET /leads/duplicates/check", L, I, F, I);
        expect("POST /leads/duplicates/scan", L, I, F, I);
        expect("POST /leads/duplicates/dismiss", L, I, F, I);
        expect("GET /leads/merge", L, I, F, I);
        expect("POST /leads/merge", L, I, F, I);
        expect("POST /leads/{id}/bant", L, F, I, I);
        expect("POST /leads/{id}/promote", L, F, I, I);
        expect("POST /leads/{id}/disqualify", L, F, I, I);
        expect("POST /leads/{id}/recycle", L, F, I, I);
        expect("POST /leads/{id}/outcome", L, F, I, I);
        expect("POST /leads/{id}/assign", L, F, F, I);
        expect("GET /queue", L, I, I, I);
        expect("GET /queue/accounts", L, I, I, I);
        expect("GET /accounts", L, I, I, I);
        expect("POST /leads/bulk", L, I, I, I);
        expect("GET /leads/bulk/{id}", L, I, I, I);
        expect("GET /accounts/{id}", L, I, I, I);
        expect("POST /accounts/{id}/owner", L, F, F, I);
        expect("POST /queue/{leadId}/claim", L, F, I, I);
        expect("POST /queue/next", L, F, I, I);
        expect("GET /imports", L, I, F, I);
        expect("POST /imports", L, I, F, I);
        expect("GET /imports/{id}", L, I, F, I);
        expect("POST /imports/{id}/start", L, I, F, I);
        expect("POST /imports/{id}/edit", L, I, F, I);
        expect("POST /imports/{id}/reading", L, I, F, I);
        expect("POST /imports/{id}/undo", L, I, F, I);
        expect("GET /imports/{id}/rejected.csv", L, I, F, I);
        expect("GET /forms/{campaign}", I, I, I, I);
        expect("POST /forms/{campaign}", I, I, I, I);
        expect("GET /forms/{campaign}/thanks", I, I, I, I);
        expect("GET /reports", L, I, F, I);
        expect("GET /reports/{report}.csv", L, I, F, I);
        expect("POST /reports/refresh", L, I, F, I);
        expect("GET /settings", L, F, F, I);
        expect("GET /settings/audit", L, F, F, I);
        expect("GET /settings/personal-data", L, F, F, I);
        expect("GET /settings/personal-data/export.json", L, F, F, I);
        expect("GET /settings/personal-data/export.csv", L, F, F, I);
        expect("POST /settings/personal-data/erase", L, F, F, I);
        expect("POST /settings/personal-data/consent-text", L, F, F, I);
        expect("GET /settings/sources", L, F, F, I);
        expect("GET /settings/tracking", L, F, F, I);
        expect("POST /settings/tracking", L, F, F, I);
        expect("GET /settings/tracking/{id}", L, F, F, I);
        expect("POST /settings/tracking/{id}", L, F, F, I);
        expect("POST /t/{siteKey}/collect", I, I, I, I);
        expect("GET /t/o/{token}", I, I, I, I);
        expect("GET /t/c/{token}", I, I, I, I);
        expect("GET /settings/webhooks", L, F, F, I);
        expect("POST /settings/webhooks", L, F, F, I);
        expect("GET /settings/webhooks/{id}", L, F, F, I);
        expect("POST /settings/webhooks/{id}/enabled", L, F, F, I);
        expect("POST /settings/webhooks/{id}/deliveries/{delivery}/again", L, F, F, I);
        expect("GET /settings/handoff", L, F, F, I);
        expect("POST /settings/handoff", L, F, F, I);
        expect("POST /settings/handoff/rules", L, F, F, I);
        expect("POST /settings/handoff/rules/{position}/delete", L, F, F, I);
        expect("POST /settings/handoff/rules/{position}/up", L, F, F, I);
        expect("POST /settings/handoff/reps/{rep}/rotation", L, F, F, I);
        expect("GET /settings/fields", L, F, F, I);
        expect("POST /settings/fields/check", L, F, F, I);
        expect("POST /settings/sources/merge", L, F, F, I);
        expect("POST /settings/sources/forget", L, F, F, I);
        expect("POST /settings/rescore", L, F, F, I);
        expect("GET /settings/model", L, F, F, I);
        expect("POST /settings/model/preview", L, F, F, I);
        expect("POST /settings/model/suggest", L, F, F, I);
        expect("POST /settings/model/activate", L, F, F, I);
        expect("POST /settings/model/draft", L, F, F, I);
        expect("POST /settings/users", L, F, F, I);
        expect("POST /settings/sales", L, F, F, I);
        expect("POST /settings/reasons", L, F, F, I);
        expect("POST /settings/reasons/{code}/retire", L, F, F, I);
        expect("POST /settings/users/{username}/role", L, F, F, I);
        expect("POST /settings/users/{username}/capacity", L, F, F, I);
        expect("POST /settings/users/{username}/enabled", L, F, F, I);
        expect("POST /settings/users/{username}/password", L, F, F, I);
        expect("POST /settings/users/{username}/sessions/end", L, F, F, I);
        expect("POST /settings/throttles/clear", L, F, F, I);
        expect("POST /settings/model/{version}/activate", L, F, F, I);
        expect("POST /settings/api-tokens", L, F, F, I);
        expect("GET /settings/likelihood", L, F, F, I);
        expect("POST /settings/likelihood/train", L, F, F, I);
        expect("POST /settings/likelihood/{id}/live", L, F, F, I);
        expect("GET /settings/model/values", L, F, F, I);
        expect("POST /settings/api-tokens/{id}/revoke", L, F, F, I);
        expect("GET /swagger-ui.html", L, F, F, I);
        expect("GET /v3/api-docs", L, F, F, I);
        expect("GET /v3/api-docs.yaml", L, F, F, I);
        expect("GET /v3/api-docs/swagger-config", L, F, F, I);
        // The API answers 401 (LOGIN here) without a token; a token acts with its role.
        expect("POST /api/leads", L, I, F, I);
        expect("GET /api/leads", L, I, I, I);
        expect("GET /api/leads/{id}", L, I, I, I);
        expect("PUT /api/leads/{id}", L, I, F, I);
        expect("GET /api/leads/{id}/score", L, I, I, I);
        expect("POST /api/leads/{id}/outcome", L, F, I, I);
        expect("POST /api/activities", L, I, F, I);
        expect("POST /api/email-links", L, I, F, I);
        expect("GET /account/password", L, I, I, I);
        expect("POST /account/password", L, I, I, I);
        expect("GET /account/preferences", L, I, I, I);
        expect("POST /account/preferences", L, I, I, I);
        expect("POST /account/sessions/end", L, I, I, I);
        expect("GET /inbox", L, I, I, I);
        expect("GET /account/alerts", L, I, I, I);
        expect("POST /account/alerts", L, I, I, I);
        expect("POST /inbox/{id}/open", L, I, I, I);
        expect("POST /inbox/read", L, I, I, I);
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
            expect(method + " /error", I, I, I, I);
        }
    }

    private static void expect(String route, Outcome anonymous, Outcome marketer, Outcome sales, Outcome admin) {
        EXPECTED.put(route, List.of(anonymous, marketer, sales, admin));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every route the application maps, as "METHOD /pattern" (a mapping without a method counts for each). */
    static Set<String> mappedRoutes(RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    if (m != RequestMethod.TRACE) {
                        mapped.add(m.name() + " " + pattern);
                    }
                }
            }
        });
        return mapped;
    }

    @Test
    void every_mapped_route_has_an_expected_outcome_for_every_role() throws Exception {
        Set<String> mapped = mappedRoutes(mappings);
        assertThat(mapped)
                .as("the application's routes")
                .contains("GET /queue", "POST /leads/new")
                .hasSizeGreaterThan(20);
        assertThat(mapped)
                .as("routes without an expected outcome in RouteMatrixTest (add an access rule and a line)")
                .isSubsetOf(EXPECTED.keySet());

        long lead = TestLeads.capture(mvc, "Matrix Lead", "Analyst", 5, "email");
        // The signed-in users exist, as in real use: "claim and open next" stores the claiming rep as the owner.
        for (String role : new String[] {"MARKETER", "SALES", "ADMIN"}) {
            accounts.createIfAbsent("matrix-" + role.toLowerCase(), "matrix-password-1", Role.valueOf(role));
        }
        List<String> wrong = new ArrayList<>();
        String[] roles = {null, "MARKETER", "SALES", "ADMIN"};
        for (String route : mapped) {
            for (int r = 0; r < roles.length; r++) {
                Outcome actual = outcome(route, roles[r], lead);
                Outcome expected = EXPECTED.get(route).get(r);
                if (actual != expected) {
                    wrong.add(route + " as " + (roles[r] == null ? "anonymous" : roles[r]) + ": expected " + expected
                            + ", got " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Outcome outcome(String route, String role, long lead) throws Exception {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replace("{id}", Long.toString(lead))
                .replace("{leadId}", Long.toString(lead))
                .replace("{campaign}", "matrix-campaign")
                .replace("{version}", "1")
                .replace("{username}", "matrix-nobody")
                .replace("{rep}", "matrix-nobody")
                .replace("{position}", "1")
                .replace("{delivery}", "1")
                .replace("{submission}", "1")
                .replace("{report}", "funnel-by-source")
                .replace("{code}", "matrix_none")
                .replace("{token}", "matrix-token")
                .replace("{siteKey}", "site_matrix");
        var request = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
        if (role != null) {
            request = request.with(user("matrix-" + role.toLowerCase()).roles(role));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();
        if (status == 403) {
            return Outcome.FORBIDDEN;
        }
        if (status == 401 || (status == 302 && location != null && location.endsWith("/login"))) {
            return Outcome.LOGIN;
        }
        return Outcome.IN;
    }
}
