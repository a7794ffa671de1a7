package io.leadline.web.tracking.api;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.web.api.ApiProblems.FieldError;
import io.leadline.web.api.ApiProblems.InvalidInputException;
import io.leadline.web.tracking.CampaignLinks;
import io.leadline.web.tracking.CampaignLinks.LeadLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Makes the tracked links of an email campaign: one open pixel and one click link per URL for each lead. */
@RestController
@Tag(name = "Email tracking")
class EmailLinksApiController {

    static final int MAX_LEADS = 1000;

    /** A campaign's links to make: the leads by id or email, and the addresses the email links to. */
    record LinkRequest(
            @NotBlank(message = "name the campaign, e.g. november-newsletter")
            String campaign,

            @Size(max = CampaignLinks.MAX_URLS, message = "at most " + CampaignLinks.MAX_URLS + " links per email")
            List<String> urls,

            @NotEmpty(message = "name at least one lead")
            @Size(max = MAX_LEADS, message = "at most " + MAX_LEADS + " leads per call")
            List<LeadRef> leads) {}

    record LeadRef(Long leadId, String email) {}

    private final CampaignLinks links;
    private final Leads leads;
    private final String baseUrl;

    EmailLinksApiController(
            CampaignLinks links, Leads leads, @Value("${leadline.tracking.link-base-url:}") String baseUrl) {
        this.links = links;
        this.leads = leads;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @PostMapping(
            path = "/api/email-links",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Make a campaign's tracked email links", description = """
            For each lead: an open pixel (<img src="…" width="1" height="1" alt="">) and, for each URL, a link that records \
            a click and redirects there. Links are signed: they work from any instance, for as long as the lead exists. \
            Ask with Accept: text/csv for a file to merge into the email tool (one row per lead).""")
    ResponseEntity<?> make(@Valid @RequestBody LinkRequest request, HttpServletRequest http) throws IOException {
        List<String> urls = request.urls() == null ? List.of() : request.urls();
        List<FieldError> errors = new ArrayList<>();
        CampaignLinks.problems(request.campaign(), urls)
                .forEach((field, reason) -> errors.add(new FieldError(field, reason)));
        List<LeadLinks> made = new ArrayList<>();
        String base = baseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(http).build().toUriString()
                : baseUrl;
        for (int i = 0; i < request.leads().size(); i++) {
            LeadRef ref = request.leads().get(i);
            Optional<Lead> lead = ref == null
                    ? Optional.empty()
                    : ref.leadId() != null
                            ? leads.byId(ref.leadId())
                            : EmailAddress.parse(ref.email())
                                    .flatMap(leads::idWithEmail)
                                    .flatMap(leads::byId);
            if (lead.isEmpty()) {
                errors.add(new FieldError("leads[" + i + "]", "no lead has this id or email"));
            } else if (errors.isEmpty()) {
                made.add(links.of(
                        lead.get().id(), lead.get().profile().email().value(), request.campaign(), urls, base));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "Some links could not be made; none were.", errors);
        }
        String accept = http.getHeader("Accept");
        if (accept != null && accept.contains("text/csv") && !accept.contains("application/json")) {
            StringBuilder csv = new StringBuilder();
            CampaignLinks.csvHeader(csv, urls.size());
            for (LeadLinks l : made) {
                CampaignLinks.csvRow(csv, l, urls);
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + request.campaign().replaceAll("[^A-Za-z0-9_.-]", "-")
                                    + "-links.csv\"")
                    .body(csv.toString());
        }
        return ResponseEntity.ok(Map.of("campaign", request.campaign(), "items", made));
    }
}
