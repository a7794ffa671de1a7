package io.leadline.web.settings;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.CustomFieldTypes;
import io.leadline.core.lead.FieldType;
import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** An import's extra columns get a type from their values, are listed with it, and filter the lead list and the API. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomFieldsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomFieldTypes types;

    @Autowired
    ApiTokenRegistry registry;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void imported_columns_are_typed_listed_and_filter_the_leads() throws Exception {
        String seats = "Seats " + tag;
        String signed = "Signed Up " + tag;
        String segment = "Segment " + tag;
        String seatsKey = "seats_" + tag;
        StringBuilder csv = new StringBuilder("Email," + seats + "," + signed + "," + segment + "\n");
        for (int i = 0; i < 30; i++) {
            csv.append("f")
                    .append(i)
                    .append('-')
                    .append(tag)
                    .append("@fields.example,")
                    .append(i * 20)
                    .append(",2024-03-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append(',')
                    .append(i % 2 == 0 ? "Retail" : "health")
                    .append('\n');
        }
        String location = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile(
                                "file", "f.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(location + "/start")
                .param("field0", "EMAIL")
                .param("field1", "CUSTOM")
                .param("field2", "CUSTOM")
                .param("field3", "CUSTOM")
                .param("policy", "SKIP")
                .param("dryRun", "false")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));

        eventually(() -> assertThat(types.known())
                .containsEntry(seatsKey, FieldType.NUMBER)
                .containsEntry("signed_up_" + tag, FieldType.DATE)
                .containsEntry("segment_" + tag, FieldType.TEXT));
        mvc.perform(get("/settings/fields").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString(seatsKey)))
                .andExpect(content().string(containsString("<td>number</td>")))
                .andExpect(content().string(containsString("<td>date</td>")));

        // Seats from 100 to 200: 100, 120, …, 200 are six leads.
        String page = mvc.perform(get("/leads")
                        .param("customField", seats)
                        .param("customMin", "100")
                        .param("customMax", "200")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("f\\d+-" + tag + "@fields.example")
                        .matcher(page)
                        .results()
                        .map(MatchResult::group)
                        .distinct()
                        .count())
                .as("leads in the filtered list")
                .isEqualTo(6);
        assertThat(page)
                .contains("f5-" + tag)
                .contains("f10-" + tag)
                .doesNotContain("f4-" + tag)
                .doesNotContain("f11-" + tag);

        mvc.perform(get("/api/leads")
                        .param("customField", "segment_" + tag)
                        .param("customValue", "retail ")
                        .param("size", "100")
                        .with(bearer(ApiClients.token(registry, Role.SALES))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(15));

        mvc.perform(get("/leads")
                        .param("customField", seats)
                        .param("customMin", "300")
                        .param("customMax", "100")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(
                        content().string(containsString("The lowest value of " + seatsKey + " is above the highest.")))
                .andExpect(content().string(not(containsString("@fields.example"))));

        mvc.perform(post("/segments")
                        .param("name", "Big seats " + tag)
                        .param("query", "customField=" + seatsKey + "&customMin=500&unknown=1")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/leads?customField=" + seatsKey + "&customMin=500"));
    }

    @Test
    void checking_every_field_again_reports_what_it_found() throws Exception {
        mvc.perform(post("/settings/fields/check")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", Matchers.startsWith("Checked ")));
    }
}
