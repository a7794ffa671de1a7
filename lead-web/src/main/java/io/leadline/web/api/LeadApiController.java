package io.leadline.web.api;

import io.leadline.core.activity.Activities;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.lead.FieldFilter;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSearch;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.web.api.LeadResources.LeadPage;
import io.leadline.web.api.LeadResources.LeadSummary;
import io.leadline.web.api.LeadResources.LeadUpdate;
import io.leadline.web.api.LeadResources.LeadView;
import io.leadline.web.api.LeadResources.NewLead;
import io.leadline.web.api.LeadResources.Outcome;
import io.leadline.web.api.LeadResources.ScoreView;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.capture.LeadEditing;
import io.leadline.web.qualification.SalesActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leads over the API: create, read, update with optimistic locking, search with keyset paging, score, outcome. */
@RestController
@RequestMapping(path = "/api/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leads")
class LeadApiController {

    private final Leads leads;
    private final LeadList list;
    private final ScoringModels models;
    private final Activities activities;
    private final LeadCapture capture;
    private final LeadEditing editing;
    private final SalesActions sales;
    private final Clock clock;
    private final LeadRepresentation representation;

    LeadApiController(
            Leads leads,
            LeadList list,
            ScoringModels models,
            Activities activities,
            LeadCapture capture,
            LeadEditing editing,
            SalesActions sales,
            Clock clock,
            LeadRepresentation representation) {
        this.representation = representation;
        this.leads = leads;
        this.list = list;
        this.models = models;
        this.activities = activities;
        this.capture = capture;
        this.editing = editing;
        this.sales = sales;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a lead",
            description = "Stores, scores and (when its score says so) makes the lead an MQL. "
                    + "409 when a lead with the email or external id exists.")
    ResponseEntity<LeadView> create(@Valid @RequestBody NewLead lead) {
        Lead stored = capture.capture(lead.profile(), lead.externalId(), lead.marketingConsent(), ConsentSource.API);
        return ResponseEntity.created(URI.create("/api/leads/" + stored.id())).body(view(stored));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a lead with its current score")
    LeadView read(@PathVariable long id) {
        return view(lead(id));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Update a lead's profile",
            description = "Send the version you read; 409 when the lead changed since.")
    LeadView update(@PathVariable long id, @Valid @RequestBody LeadUpdate update) {
        Lead before = lead(id);
        return view(editing.edit(id, update.version(), update.profile(before.profile())));
    }

    @GetMapping
    @Operation(
            summary = "Search leads",
            description =
                    "Free text over name, email and company, with filters; newest first, "
                            + "best score first or most likely to close first (LIKELIHOOD); pages by keyset: pass the previous page's next as after.")
    LeadPage search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(required = false) Integer maxScore,
            @Parameter(description = "at least this likelihood to close, in percent")
                    @RequestParam(required = false)
                    @Min(value = 0, message = "The likelihood is a percentage from 0 to 100.")
                    @Max(value = 100, message = "The likelihood is a percentage from 0 to 100.")
                    Integer minLikelihood,
            @RequestParam(defaultValue = "NEWEST") LeadSearch.Order order,
            @Parameter(
                            description =
                                    "a custom field to filter on (with customValue, or customMin/customMax for numbers)")
                    @RequestParam(required = false)
                    String customField,
            @RequestParam(required = false) String customValue,
            @RequestParam(required = false) Double customMin,
            @RequestParam(required = false) Double customMax,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String after,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "Ask for at least 1 lead.")
                    @Max(value = 500, message = "Ask for at most 500 leads a page.")
                    int size) {
        LeadSearch search = new LeadSearch(
                q,
                stage,
                source,
                null,
                null,
                null,
                minScore,
                maxScore,
                null,
                null,
                null,
                order,
                minLikelihood,
                FieldFilter.of(customField, customValue, customMin, customMax));
        var rows = list.page(search, cursor(after), size + 1);
        boolean more = rows.size() > size;
        var page = more ? rows.subList(0, size) : rows;
        String next = more ? format(LeadList.after(search, page.getLast())) : null;
        return new LeadPage(page.stream().map(LeadSummary::of).toList(), next);
    }

    @GetMapping("/{id}/score")
    @Operation(
            summary = "A lead's score now, with its receipt",
            description = "Computed with the live model; the lines add up to the total.")
    ScoreView score(@PathVariable long id) {
        Lead lead = lead(id);
        return ScoreView.of(id, models.active().score(lead.profile(), activities.of(id), Instant.now(clock)));
    }

    @PostMapping("/{id}/outcome")
    @Operation(
            summary = "Record a won or lost deal",
            description = "As the CRM reports it, from any stage; the reason (required "
                    + "when lost) is kept in the lead's history. Sending the same outcome again changes nothing.")
    LeadView outcome(
            @PathVariable long id, @Valid @RequestBody Outcome outcome, @AuthenticationPrincipal ApiClient client) {
        lead(id);
        return view(sales.recordCrmOutcome(id, client.actor(), outcome.outcome(), outcome.reason()));
    }

    private Lead lead(long id) {
        return leads.byId(id).orElseThrow(() -> new NoSuchElementException("There is no lead " + id + "."));
    }

    private LeadView view(Lead lead) {
        return representation.of(lead);
    }

    /** "sortValue.id", as {@link #format} writes it. */
    private static LeadList.After cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String[] parts = after.split("\\.", 2);
        try {
            return new LeadList.After(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("after is the next value of a previous page, such as 1234.5678.");
        }
    }

    private static String format(LeadList.After after) {
        return after.sortValue() + "." + after.id();
    }
}
