package io.leadline.web.api;

import io.leadline.core.contact.Consent;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.contact.ContactStatus;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.LeadScores.StoredScore;
import io.leadline.core.scoring.ReceiptLine;
import io.leadline.core.scoring.Score;
import io.leadline.web.capture.LeadEmail;
import io.leadline.web.prediction.LeadLikelihood;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the lead endpoints take and give, as JSON. */
public final class LeadResources {

    private LeadResources() {}

    @Schema(description = "A new lead. The email is required; everything else may be sent later.")
    record NewLead(
            @NotBlank(message = "Enter the lead's name.")
            @Size(max = 200, message = "Keep the name under 200 characters.")
            String fullName,

            @NotBlank(message = "Enter an email address.") @LeadEmail
            String email,

            @Size(max = 200, message = "Keep the company under 200 characters.")
            String company,

            @Size(max = 200, message = "Keep the job title under 200 characters.")
            String jobTitle,

            @PositiveOrZero(message = "Company size cannot be negative.")
            @Max(value = 10_000_000, message = "Company size looks wrong: at most 10,000,000 employees.")
            Integer companySize,

            @Schema(description = "ISO 3166 alpha-2 code", example = "DE")
            @Pattern(regexp = "^[A-Z]{2}$", message = "Send the country as an ISO code such as DE or US.")
            String country,

            @Size(max = 100, message = "Keep the source under 100 characters.")
            String source,

            @Size(max = 100, message = "Keep the external id under 100 characters.")
            String externalId,

            @Size(max = 50, message = "At most 50 custom attributes.")
            Map<String, String> attributes,

            @Schema(
                    description = "The person's answer to marketing: true when they consented, false when they refused "
                            + "(the lead is then not to be contacted); leave out when not asked")
            Boolean marketingConsent) {

        LeadProfile profile() {
            return new LeadProfile(
                    fullName,
                    EmailAddress.parse(email).orElseThrow(),
                    company,
                    jobTitle,
                    companySize,
                    country,
                    source,
                    attributes);
        }
    }

    @Schema(
            description =
                    "A lead's profile as it should be from now on, with the version it was read at (optimistic locking). "
                            + "Attributes left out (null) stay as they are.")
    record LeadUpdate(
            @NotNull(message = "Send the version you read, so that a change made meanwhile is not overwritten.")
            Long version,

            @NotBlank(message = "Enter the lead's name.")
            @Size(max = 200, message = "Keep the name under 200 characters.")
            String fullName,

            @LeadEmail String email,

            @Size(max = 200, message = "Keep the company under 200 characters.")
            String company,

            @Size(max = 200, message = "Keep the job title under 200 characters.")
            String jobTitle,

            @PositiveOrZero(message = "Company size cannot be negative.")
            @Max(value = 10_000_000, message = "Company size looks wrong: at most 10,000,000 employees.")
            Integer companySize,

            @Pattern(regexp = "^[A-Z]{2}$", message = "Send the country as an ISO code such as DE or US.")
            String country,

            @Size(max = 100, message = "Keep the source under 100 characters.")
            String source,

            @Size(max = 50, message = "At most 50 custom attributes.")
            Map<String, String> attributes) {

        LeadProfile profile(LeadProfile before) {
            EmailAddress address = email == null || email.isBlank()
                    ? null
                    : EmailAddress.parse(email).orElseThrow();
            return new LeadProfile(
                    fullName,
                    address,
                    company,
                    jobTitle,
                    companySize,
                    country,
                    source,
                    attributes == null ? before.attributes() : attributes);
        }
    }

    @Schema(
            description =
                    "A lead with its current score and, once a predictive model is live, its likelihood to close (0 to 1)")
    public record LeadView(
            long id,
            long version,
            String externalId,
            String fullName,
            String email,
            String company,
            String jobTitle,
            Integer companySize,
            String country,
            String source,
            Map<String, String> attributes,
            LifecycleStage stage,
            String owner,
            Instant createdAt,
            Integer score,
            String grade,

            @Schema(
                    description = "The scoring model version that last changed the stored score: a later version that "
                            + "scores this lead the same leaves the score, and this number, as they were")
            Integer scoreModelVersion,

            @Schema(description = "When the stored score last changed")
            Instant scoredAt,

            Double likelihood,
            Long likelihoodModelVersion,

            @Schema(
                    description = "Marketing consent: GIVEN or WITHDRAWN, when and from where (FORM, IMPORT, API, "
                            + "UNSUBSCRIBE, PERSON); absent when never asked")
            ConsentView consent,

            @Schema(description = "Not to be contacted: set by an unsubscribe, a withdrawn consent or a person")
            boolean doNotContact) {

        static LeadView of(Lead lead, StoredScore score, LeadLikelihood.Estimate likelihood, ContactStatus contact) {
            LeadProfile p = lead.profile();
            return new LeadView(
                    lead.id(),
                    lead.version(),
                    lead.externalId(),
                    p.fullName(),
                    p.email() == null ? null : p.email().value(),
                    p.company(),
                    p.jobTitle(),
                    p.companySize(),
                    p.country(),
                    p.source(),
                    p.attributes(),
                    lead.stage(),
                    lead.owner(),
                    lead.createdAt(),
                    score == null ? null : score.score(),
                    score == null ? null : score.grade().name(),
                    score == null ? null : score.modelVersion(),
                    score == null ? null : score.scoredAt(),
                    likelihood == null ? null : likelihood.probability(),
                    likelihood == null ? null : likelihood.modelVersion(),
                    contact.consent() == null
                            ? null
                            : new ConsentView(contact.consent(), contact.consentAt(), contact.source()),
                    contact.doNotContact());
        }
    }

    @Schema(description = "A marketing consent answer")
    public record ConsentView(Consent status, Instant at, ConsentSource source) {}

    @Schema(description = "One lead in a search result")
    record LeadSummary(
            long id,
            String name,
            String email,
            String company,
            String jobTitle,
            String source,
            LifecycleStage stage,
            int score,
            String grade,
            String owner,
            Instant createdAt,
            Double likelihood,
            String consent,
            boolean doNotContact) {

        static LeadSummary of(LeadList.Row row) {
            return new LeadSummary(
                    row.id(),
                    row.name(),
                    row.email(),
                    row.company(),
                    row.jobTitle(),
                    row.source(),
                    row.stage(),
                    row.score(),
                    row.grade() == null ? null : row.grade().name(),
                    row.owner(),
                    row.createdAt(),
                    row.likelihood(),
                    row.consent(),
                    row.doNotContact());
        }
    }

    @Schema(
            description =
                    "A page of leads; pass next as the after parameter for the following page (absent on the last page)")
    record LeadPage(List<LeadSummary> items, String next) {}

    @Schema(description = "A lead's score now, with the receipt: every line's points add up to the total")
    record ScoreView(
            long leadId,
            int modelVersion,
            int total,
            int fitPoints,
            int engagementPoints,
            String grade,
            int mqlThreshold,
            boolean reachesMql,
            String disqualifiedBy,
            List<ReceiptLineView> receipt) {

        static ScoreView of(long leadId, Score score) {
            return new ScoreView(
                    leadId,
                    score.modelVersion(),
                    score.total(),
                    score.fitPoints(),
                    score.engagementPoints(),
                    score.grade().name(),
                    score.mqlThreshold(),
                    score.reachesMql(),
                    score.disqualified()
                            .map(d -> d.reason().label() + ": " + d.because())
                            .orElse(null),
                    score.receipt().stream().map(ReceiptLineView::of).toList());
        }
    }

    @Schema(description = "One line of a receipt: the rule, its evidence, its raw points, after decay, and after caps")
    record ReceiptLineView(String group, String rule, String evidence, int rawPoints, int afterDecay, int points) {

        static ReceiptLineView of(ReceiptLine line) {
            return new ReceiptLineView(
                    line.group().name(),
                    line.rule(),
                    line.evidence(),
                    line.rawPoints(),
                    line.afterDecay(),
                    line.points());
        }
    }

    @Schema(description = "What became of the deal: WON or LOST, with the reason (required when lost)")
    record Outcome(
            @NotNull(message = "Send WON or LOST.") @Schema(allowableValues = {"WON", "LOST"})
            LifecycleStage outcome,

            @Size(max = 500, message = "Keep the reason under 500 characters.")
            String reason) {}
}
