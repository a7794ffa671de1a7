package io.leadline.web.api;

import io.leadline.web.api.ActivityResources.ActivityBatch;
import io.leadline.web.api.ActivityResources.IngestResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Tracked events (email opens and clicks, page visits, form submissions, downloads, demo requests, unsubscribes) in batches. */
@RestController
@Tag(name = "Activities")
class ActivityApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ActivityIngestion ingestion;
    private final JsonMapper json;

    ActivityApiController(ActivityIngestion ingestion, JsonMapper json) {
        this.ingestion = ingestion;
        this.json = json;
    }

    @PostMapping(
            path = "/api/activities",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a batch of events", description = """
            The batch is taken whole or refused whole: one invalid event refuses it with a problem listing every invalid \
            event, and nothing is stored. The leads it touches are rescored before the answer, so their scores are fresh. \
            An event for an email no lead has creates a lead with that address (or refuses the batch with 422 when \
            leadline.api.unknown-email=REJECT). Re-sending a batch with the same Idempotency-Key stores nothing and answers \
            as the first time (with the header Idempotent-Replayed: true); the same key with a different batch is refused (422).""")
    @ApiResponse(
            responseCode = "200",
            description = "stored and scored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IngestResult.class)))
    ResponseEntity<String> record(
            @Parameter(
                            description =
                                    "a new unique value per batch (a UUID, say); the same value only to re-send the same batch")
                    @RequestHeader(IDEMPOTENCY_KEY)
                    @NotBlank(message = "Send an Idempotency-Key header with a new value per batch.")
                    @Size(max = 255, message = "Keep the Idempotency-Key under 255 characters.")
                    String key,
            @Valid @RequestBody ActivityBatch batch,
            @AuthenticationPrincipal ApiClient client) {
        var answer = ingestion.ingest(client, key.strip(), fingerprint(batch), batch.items());
        var response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answer.body());
    }

    /** The SHA-256 of the batch as parsed, so that a re-send with other whitespace or key order still matches. */
    private String fingerprint(ActivityBatch batch) {
        return ApiTokenRegistry.hash(json.writeValueAsString(batch));
    }
}
