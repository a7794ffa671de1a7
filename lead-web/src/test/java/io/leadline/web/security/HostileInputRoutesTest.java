package io.leadline.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page route, opened (GET) or posted by an admin with every field name the templates use set to hostile
 * values (NUL and other control characters, CR/LF, a huge number, text where numbers go): the answer may refuse,
 * never fail with a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputRoutesTest {

    private static final List<String> HOSTILE = List.of(
            "nul\u0000here",
            "bell\u0007 and\r\nnew line",
            "q=a\r\nSet-Cookie: x=1&stage=MQL\r\n",
            "99999999999999999999",
            "-1",
            "");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every {@code name="…"} and {@code th:field="*{…}"} a template gives a form field. */
    private static Set<String> fieldNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("\\s(?:name=\"|th:field=\"\\*\\{)([A-Za-z_][A-Za-z0-9_.\\[\\]-]*)[\"}]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = name.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals("_csrf")) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void no_page_route_answers_500_to_hostile_values() throws Exception {
        Set<String> fields = fieldNames();
        assertThat(fields).contains("fullName", "email", "role", "capacity");
        long lead = TestLeads.capture(mvc, "Hostile Routes Lead", "Analyst", 5, "email");
        // The admin exists, as in real use (claiming stores the claimer as the owner).
        accounts.createIfAbsent("hostile-admin", "hostile-admin-password", Role.ADMIN);
        Set<String> routes = new TreeSet<>();
        for (String route : RouteMatrixTest.mappedRoutes(mappings)) {
            String path = route.substring(route.indexOf(' ') + 1);
            if ((route.startsWith("GET ") || route.startsWith("POST "))
                    && !path.startsWith("/api/")
                    && !path.equals("/error")) {
                routes.add(route);
            }
        }
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replaceAll("\\{(id|leadId)}", Long.toString(lead))
                    .replaceAll("\\{[A-Za-z]+}", "hostile");
            for (String value : HOSTILE) {
                var post = request(HttpMethod.valueOf(method), path)
                        .with(csrf())
                        .with(user("hostile-admin").roles("ADMIN"));
                for (String field : fields) {
                    post = post.param(field, value);
                }
                String shown =
                        value.replace("\u0000", "\\0").replace("\u0007", "\\a").replace("\r\n", "\\r\\n");
                try {
                    var response = mvc.perform(post).andReturn().getResponse();
                    if (response.getStatus() >= 500) {
                        failures.add(method + " " + path + " with " + shown + " → " + response.getStatus());
                    }
                    String location = response.getHeader("Location");
                    if (location != null && (location.contains("\r") || location.contains("\n"))) {
                        // Tomcat refuses such a header: the visitor would get a 500.
                        failures.add(method + " " + path + " with " + shown + " → a line break in Location");
                    }
                } catch (Exception e) {
                    // MockMvc rethrows what no handler took: in a running server, a 500.
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    failures.add(method + " " + path + " with " + shown + " → " + cause);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
