package io.leadline.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the activity endpoint takes and gives, as JSON. */
final class ActivityResources {

    private ActivityResources() {}

    @Schema(description = "Up to " + ActivityIngestion.MAX_BATCH + " events, taken whole or refused whole")
    record ActivityBatch(
            @NotNull(message = "Send the events as items.")
            @NotEmpty(message = "Send at least one event.")
            @Size(
                    max = ActivityIngestion.MAX_BATCH,
                    message = "Send at most " + ActivityIngestion.MAX_BATCH + " events a batch.")
            List<@Valid @NotNull(message = "An event cannot be null.") TrackedEvent> items) {}

    @Schema(description = "One thing a lead did. Name the lead by email or by leadId.")
    record TrackedEvent(
            @Schema(example = "ana@acme.com") @Size(max = 254, message = "An email address has at most 254 characters.")
            String email,

            Long leadId,

            @Schema(
                    description =
                            "email_open, email_click, page_visit, form_submit, content_download, demo_request, unsubscribe, "
                                    + "or any other key of letters, digits and underscores",
                    example = "page_visit")
            String type,

            @Schema(description = "when it happened; now when left out")
            Instant occurredAt,

            @Schema(
                    description =
                            "the page of a page visit or the link of a click; a page under /pricing counts as a pricing-page visit",
                    example = "https://acme.com/pricing")
            @Size(max = 2000, message = "Keep the URL under 2,000 characters.")
            String url,

            @Schema(description = "free text such as the email campaign or the asset's name")
            @Size(max = 500, message = "Keep the detail under 500 characters.")
            String detail) {}

    @Schema(description = "What the batch did")
    record IngestResult(int accepted, int leadsCreated, int leadsRescored, int stageChanges) {}
}
