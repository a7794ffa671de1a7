package io.leadline.web.i18n;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.leadline.core.user.Role;
import io.leadline.web.security.UserAccounts;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each reader gets their language and time zone: the browser's ({@code Accept-Language}, the zone cookie its script
 * sets) until they choose their own on the preferences page, which then holds whatever the browser says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LanguagesTest {

    private static final String PASSWORD = "languages-password-1";
    private static final Locale PT_BR = Locale.of("pt", "BR");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private Cookie signIn(Role role) throws Exception {
        String name = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(name, PASSWORD, role);
        MockHttpServletResponse response = mvc.perform(post("/login")
                        .param("username", name)
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from("10.61.0.1")))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        return response.getCookie("SESSION");
    }

    private String page(String path, Cookie session, String acceptLanguage, Cookie... more) throws Exception {
        var request = get(path);
        if (session != null) {
            request.cookie(session);
        }
        if (more.length > 0) {
            request.cookie(more);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void a_portuguese_browser_reads_portuguese_and_any_other_english() throws Exception {
        assertThat(page("/login", null, "pt-BR,pt;q=0.9,en;q=0.8"))
                .contains("<h1>Entrar</h1>", "lang=\"pt-BR\"", "Usuário");
        assertThat(page("/login", null, "pt-PT"))
                .as("any Portuguese reads Brazilian Portuguese")
                .contains("<h1>Entrar</h1>");
        assertThat(page("/login", null, "de-DE,fr;q=0.8"))
                .as("no language Leadline has: English")
                .contains("<h1>Sign in</h1>", "lang=\"en\"");
        assertThat(page("/login", null, "de-DE,en-GB;q=0.5,pt;q=0.3"))
                .as("the first one Leadline has")
                .contains("<h1>Sign in</h1>");
        assertThat(page("/login", null, null))
                .as("no header: English, whatever the server's locale")
                .contains("<h1>Sign in</h1>");
    }

    @Test
    void the_browsers_zone_until_the_user_chooses_one_then_their_own_whatever_the_browser_says() throws Exception {
        Cookie session = signIn(Role.SALES);
        Cookie tokyo = new Cookie(UserLocales.ZONE_COOKIE, "Asia/Tokyo");

        String browsers = page("/account/preferences", session, "en-US", tokyo);
        assertThat(browsers).contains("Pages now show times in Asia/Tokyo");
        assertThat(page("/", session, "en-US", tokyo)).contains("JST").doesNotContain(" UTC.");
        assertThat(page("/", session, "en-US", new Cookie(UserLocales.ZONE_COOKIE, "Not/AZone")))
                .as("a forged cookie: UTC")
                .contains(" UTC.");

        var saved = mvc.perform(post("/account/preferences")
                        .cookie(session, tokyo)
                        .with(csrf())
                        .param("language", "pt-BR")
                        .param("timeZone", "America/Sao_Paulo"))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/account/preferences");

        String today = page("/", session, "en-US,en;q=0.9", tokyo);
        assertThat(today)
                .as("the chosen language over the browser's")
                .contains("<h1>Hoje</h1>", "Fila de vendas", "Sair");
        String expected = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(PT_BR)
                .format(Instant.now().atZone(ZoneId.of("America/Sao_Paulo")));
        assertThat(today)
                .as("São Paulo time in Portuguese, not the browser's Tokyo")
                .contains("Situação em " + expected)
                .contains("BRT");
        assertThat(jdbc.sql(
                                "select language || ' ' || time_zone from app_user where session_stamp is not null and username like 'lang-%' "
                                        + "and language is not null")
                        .query(String.class)
                        .list())
                .contains("pt-BR America/Sao_Paulo");
    }

    @Test
    void the_saved_message_is_in_the_language_just_chosen() throws Exception {
        Cookie session = signIn(Role.MARKETER);
        var saved = mvc.perform(post("/account/preferences")
                        .cookie(session)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("language", "pt-BR")
                        .param("timeZone", ""))
                .andReturn();
        assertThat(saved.getFlashMap().get("message")).isEqualTo("Suas preferências foram salvas.");

        var back = mvc.perform(post("/account/preferences")
                        .cookie(session)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("language", "")
                        .param("timeZone", ""))
                .andReturn();
        assertThat(back.getFlashMap().get("message"))
                .as("back to the browser's language")
                .isEqualTo("Your preferences are saved.");
    }

    @Test
    void an_unknown_language_or_zone_is_refused_next_to_its_field_and_nothing_is_stored() throws Exception {
        Cookie session = signIn(Role.MARKETER);
        MockHttpServletResponse refused = mvc.perform(post("/account/preferences")
                        .cookie(session)
                        .with(csrf())
                        .param("language", "klingon")
                        .param("timeZone", "Mars/Olympus_Mons"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains(
                        "Choose one of the languages listed.",
                        "Choose one of the time zones listed.",
                        "aria-invalid=\"true\"");
        assertThat(page("/", session, "en")).contains("<h1>Today</h1>");
    }

    @Test
    void countries_are_named_in_the_readers_language() throws Exception {
        long lead = jdbc.sql("""
                insert into lead (id, version, full_name, email, country, stage, created_at, updated_at)
                values (nextval('lead_seq'), 0, 'País Teste', ?, 'BR', 'NEW', now(), now()) returning id""")
                .param("pais-" + UUID.randomUUID() + "@example.com")
                .query(Long.class)
                .single();
        Cookie session = signIn(Role.ADMIN);
        assertThat(page("/leads/" + lead, session, "pt-BR")).contains("Brasil (BR)");
        assertThat(page("/leads/" + lead, session, "en")).contains("Brazil (BR)");
        assertThat(page("/leads/new", session, "pt-BR")).contains("<option value=\"DE\">Alemanha</option>");
    }
}
