package io.leadline.web.tracking.api;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Leads;
import io.leadline.web.api.ApiProblems.FieldError;
import io.leadline.web.api.ApiProblems.InvalidInputException;
import io.leadline.web.tracking.EmailLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    static final int MAX_URLS = 20;

    /** A campaign's links to make: the leads by id or email, and the addresses the email links to. */
    record LinkRequest(
            @NotBlank(message = "name the campaign, e.g. november-newsletter")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}", message = "1 to 80 letters, digits, spaces, dots, dashes or underscores")
            String campaign,
            @Size(max = MAX_URLS, message = "at most " + MAX_URLS + " links per email") List<String> urls,
            @NotEmpty(message = "name at least one lead") @Size(max = MAX_LEADS, message = "at most " + MAX_LEADS + " leads per call")
            List<LeadRef> leads) {
    }

    record LeadRef(Long leadId, String email) {
    }

    /** One lead's links: the pixel to put in the email, and the tracked link for each URL. */
    record LeadLinks(long leadId, String email, String openPixel, Map<String, String> links) {
    }

    private final EmailLinks links;
    private final Leads leads;
    private final String baseUrl;

    EmailLinksApiController(EmailLinks links, Leads leads, @Value("${leadline.tracking.link-base-url:}") String baseUrl) {
        this.links = links;
        this.leads = leads;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @PostMapping(path = "/api/email-links", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Make a campaign's tracked email links", description = """
            For each lead: an open pixel (<img src="…" width="1" height="1" alt="">) and, for each URL, a link that records \
            a click and redirects there. Links are signed: they work from any instance, for as long as the lead exists. \
            Ask with Accept: text/csv for a file to merge into the email tool (one row per lead).""")
    ResponseEntity<?> make(@Valid @RequestBody LinkRequest request, HttpServletRequest http) {
        List<String> urls = request.urls() == null ? List.of() : request.urls();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url == null || url.length() > 2000 || !url.matches("(?i)https?://[^\\s/?#]+[^\\s]*")) {
                errors.add(new FieldError("urls[" + i + "]", "an http or https address of at most 2,000 characters"));
            }
        }
        List<LeadLinks> made = new ArrayList<>();
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromContextPath(http).build().toUriString() : baseUrl;
        for (int i = 0; i < request.leads().size(); i++) {
            LeadRef ref = request.leads().get(i);
            Optional<Long> id = ref == null ? Optional.empty() : ref.leadId() != null ? leads.byId(ref.leadId()).map(l -> l.id())
                    : EmailAddress.parse(ref.email()).flatMap(leads::idWithEmail);
            if (id.isEmpty()) {
                errors.add(new FieldError("leads[" + i + "]", "no lead has this id or email"));
                continue;
            }
            String email = leads.byId(id.get()).map(l -> l.profile().email().value()).orElse("");
            Map<String, String> clicks = new LinkedHashMap<>();
            urls.forEach(url -> clicks.put(url, base + "/t/c/" + links.clickToken(id.get(), request.campaign(), url)));
            made.add(new LeadLinks(id.get(), email, base + "/t/o/" + links.openToken(id.get(), request.campaign()) + ".gif", clicks));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, "Some links could not be made; none were.", errors);
        }
        String accept = http.getHeader("Accept");
        if (accept != null && accept.contains("text/csv") && !accept.contains("application/json")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + request.campaign().replaceAll("[^A-Za-z0-9_.-]", "-") + "-links.csv\"")
                    .body(csv(made, urls));
        }
        return ResponseEntity.ok(Map.of("campaign", request.campaign(), "items", made));
    }

    private static String csv(List<LeadLinks> made, List<String> urls) {
        StringBuilder out = new StringBuilder("lead_id,email,open_pixel");
        for (int i = 1; i <= urls.size(); i++) {
            out.append(",link_").append(i);
        }
        out.append("\r\n");
        for (LeadLinks l : made) {
            out.append(l.leadId()).append(',').append(quoted(l.email())).append(',').append(l.openPixel());
            urls.forEach(url -> out.append(',').append(l.links().get(url)));
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Emails may hold characters a spreadsheet reads as a formula or a field break. */
    private static String quoted(String s) {
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
