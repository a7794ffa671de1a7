package io.leadline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is generated in the build (target/openapi.json) and documents every /api endpoint the
 * application maps, each with its problem answers; admins reach it and Swagger UI, nobody else does.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_document_names_every_api_endpoint_with_its_problems() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Path written = Path.of("target", "openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, document, StandardCharsets.UTF_8);

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p ->
                                info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(7);

        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) ->
                operations.keySet().forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        assertThat(documented).isEqualTo(mapped);

        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> responses = JsonPath.read(operation, "$.responses");
            assertThat(responses).as(method + " " + path).containsKeys("400", "401", "403");
            assertThat((String) JsonPath.read(operation, "$.summary"))
                    .as(method + " " + path + " has a summary")
                    .isNotBlank();
        }));
        assertThat((Object) JsonPath.read(document, "$.components.securitySchemes.apiToken.scheme"))
                .isEqualTo("bearer");
        assertThat((Object) JsonPath.read(document, "$.paths['/api/activities'].post.responses['422']"))
                .isNotNull();
        // The webhooks a receiver implements, one per event, with the signature header and the delivery's body.
        Map<String, Object> webhooks = JsonPath.read(document, "$.webhooks");
        assertThat(webhooks).containsKeys("lead.mql", "lead.claimed", "lead.won", "lead.disqualified");
        assertThat((String) JsonPath.read(document, "$.webhooks['lead.mql'].post.parameters[0].name"))
                .isEqualTo("Leadline-Signature");
        assertThat((Object) JsonPath.read(document, "$.components.schemas.WebhookDelivery.properties.lead"))
                .isNotNull();
        assertThat((Object) JsonPath.read(document, "$.components.schemas.LeadView"))
                .isNotNull();
    }

    @Test
    void swagger_ui_is_for_admins() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").with(user("mia").roles("MARKETER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }
}
