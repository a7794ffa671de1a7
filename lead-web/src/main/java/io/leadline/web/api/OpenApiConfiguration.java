package io.leadline.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of {@code /api} (served at /v3/api-docs, Swagger UI at /swagger-ui.html, both for admins). */
@Configuration
class OpenApiConfiguration {

    static final String TOKEN = "apiToken";

    /**
     * Every operation's problem answers (RFC 9457): bad input, no or a revoked token, a role that may not call it, and
     * where they apply, an unknown lead, a conflict, and a batch naming unknown leads or reusing a key.
     */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents()
                    .addSchemas(
                            "Problem",
                            new ObjectSchema()
                                    .description(
                                            "RFC 9457 problem details; errors lists {field, reason} for invalid input")
                                    .addProperty("type", new StringSchema())
                                    .addProperty("title", new StringSchema())
                                    .addProperty("status", new IntegerSchema())
                                    .addProperty("detail", new StringSchema())
                                    .addProperty(
                                            "errors",
                                            new ArraySchema()
                                                    .items(new ObjectSchema()
                                                            .addProperty("field", new StringSchema())
                                                            .addProperty("reason", new StringSchema()))));
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        ApiResponses responses = operation.getResponses();
                        responses.addApiResponse("400", problem("invalid input; nothing was stored"));
                        responses.addApiResponse("401", problem("no API token, or an unknown or revoked one"));
                        responses.addApiResponse("403", problem("the token's role may not use this endpoint"));
                        if (path.contains("{id}")) {
                            responses.addApiResponse("404", problem("there is no such lead"));
                        }
                        if (method != PathItem.HttpMethod.GET && path.startsWith("/api/leads")) {
                            responses.addApiResponse(
                                    "409",
                                    problem(
                                            "a duplicate lead, a lead changed since it was read, or a move its stage does not allow"));
                        }
                        if (path.equals("/api/activities")) {
                            responses.addApiResponse(
                                    "422",
                                    problem(
                                            "the batch names leads that do not exist, or reuses a key for another batch"));
                        }
                    }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @Bean
    OpenAPI leadlineApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Leadline API")
                        .version("1")
                        .description("""
                                Leads, tracked activities, scores with their receipts, and deal outcomes. Every call carries \
                                an API token (Authorization: Bearer ll_…) that an admin creates on the settings page; the \
                                token's role decides which endpoints it may use. Errors are RFC 9457 problem details.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("an API token from the settings page")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
