package io.leadline.web.webhook;

import io.leadline.core.webhook.WebhookEvent;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The webhooks Leadline sends, in the OpenAPI document's {@code webhooks} section (what a receiver implements). */
@Component
class WebhooksDocument implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Schema<?> delivery = new ObjectSchema()
                .description(
                        "One event: its stable id (a repeated delivery has the same), its type, when it happened, and "
                                + "the lead as GET /api/leads/{id} shows it")
                .addProperty("id", new StringSchema().format("uuid"))
                .addProperty("type", new StringSchema())
                .addProperty("occurredAt", new StringSchema().format("date-time"))
                .addProperty(
                        "crossing",
                        new ObjectSchema()
                                .description(
                                        "score.crossed only: which way the score crossed the MQL threshold, and its points before and after")
                                .addProperty("direction", new StringSchema()._enum(List.of("up", "down")))
                                .addProperty("from", new IntegerSchema())
                                .addProperty("to", new IntegerSchema())
                                .addProperty("threshold", new IntegerSchema()))
                .addProperty(
                        "merged",
                        new ObjectSchema()
                                .description(
                                        "lead.merged only: the lead merged into this one (its id now answers with this lead's) "
                                                + "and the fields this lead took from it")
                                .addProperty("mergedLeadId", new IntegerSchema().format("int64"))
                                .addProperty("fieldsTaken", new ArraySchema().items(new StringSchema())))
                .addProperty(
                        "account",
                        new ObjectSchema()
                                .description(
                                        "account.mqa only: the account that became marketing-qualified (the delivery's lead is "
                                                + "its best contact), its owner if any, account score and engaged contacts")
                                .addProperty("id", new IntegerSchema().format("int64"))
                                .addProperty("name", new StringSchema())
                                .addProperty("owner", new StringSchema())
                                .addProperty("score", new IntegerSchema())
                                .addProperty("engagedContacts", new IntegerSchema()))
                .addProperty("lead", new Schema<>().$ref("#/components/schemas/LeadView"));
        api.getComponents().addSchemas("WebhookDelivery", delivery);
        for (WebhookEvent event : WebhookEvent.values()) {
            Operation post = new Operation()
                    .summary("Leadline tells your endpoint: " + event.type())
                    .description("""
                            POSTed to each endpoint an admin registered for this event (Settings → Webhooks), at least once \
                            and in order per lead. Verify Leadline-Signature: HMAC-SHA256 with the endpoint's secret over \
                            t + "." + the raw body, compared in constant time; refuse a t more than 300 seconds from your \
                            clock. Answer 2xx within 10 seconds; anything else is tried again with back-off for 24 hours, \
                            then the endpoint is turned off.""")
                    .addParametersItem(new HeaderParameter()
                            .name(WebhookSignature.HEADER)
                            .required(true)
                            .schema(new StringSchema().example("t=1764676800,v1=5d41402abc4b2a76b9719d911017c592")))
                    .addParametersItem(new HeaderParameter()
                            .name("Leadline-Event-Id")
                            .required(true)
                            .schema(new StringSchema()))
                    .addParametersItem(new HeaderParameter()
                            .name("Leadline-Event")
                            .required(true)
                            .schema(new StringSchema().example(event.type())))
                    .requestBody(new RequestBody()
                            .required(true)
                            .content(new Content()
                                    .addMediaType(
                                            "application/json",
                                            new MediaType()
                                                    .schema(new Schema<>()
                                                            .$ref("#/components/schemas/WebhookDelivery")))))
                    .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse().description("received")));
            api.addWebhooks(event.type(), new PathItem().post(post));
        }
    }
}
