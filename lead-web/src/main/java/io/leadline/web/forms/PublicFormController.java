package io.leadline.web.forms;

import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.importing.CellText;
import io.leadline.core.importing.Countries;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.ProgressiveProfiling;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.security.RecentEvents;
import io.leadline.web.tracking.WebsiteTracking;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public, embeddable capture form of a campaign: {@code /forms/{campaign}}. No sign-in. It records the UTM
 * parameters and the referring page, keeps bots out with a signed form token, a honeypot field and a rate limit
 * per address, and asks a returning visitor (known by a signed cookie) the next most valuable fields instead.
 */
@Controller
class PublicFormController {

    static final String VISITOR_COOKIE = "leadline_visitor";
    static final int MAX_SUBMISSIONS = 10;
    static final Duration LIMIT_WINDOW = Duration.ofMinutes(10);
    static final List<String> FIRST_VISIT_FIELDS = List.of("full_name", "company", "job_title");
    private static final List<String> ASKABLE = List.of("full_name", "company", "job_title", "company_size", "country");

    private final FormTokens tokens;
    private final PublicCapture capture;
    private final Leads leads;
    private final ScoringModels models;
    private final RecentEvents submissions = new RecentEvents(LIMIT_WINDOW);
    private final Clock clock;
    private final WebsiteTracking tracking;
    private final ContactStatuses contacts;
    private final PageMessages messages;

    PublicFormController(
            FormTokens tokens,
            PublicCapture capture,
            Leads leads,
            ScoringModels models,
            Clock clock,
            WebsiteTracking tracking,
            ContactStatuses contacts,
            PageMessages messages) {
        this.contacts = contacts;
        this.messages = messages;
        this.tracking = tracking;
        this.tokens = tokens;
        this.capture = capture;
        this.leads = leads;
        this.models = models;
        this.clock = clock;
    }

    @GetMapping("/forms/{campaign}")
    String form(
            @PathVariable String campaign,
            @RequestParam Map<String, String> query,
            HttpServletRequest request,
            Model model) {
        checkCampaign(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("token", tokens.formToken(campaign));
        model.addAttribute("utm", utm(query));
        model.addAttribute(
                "referrer", Optional.ofNullable(query.get("referrer")).orElse(request.getHeader("Referer")));
        model.addAttribute("fields", fieldsFor(request));
        model.addAttribute("values", Map.of());
        model.addAttribute("visitor", visitorToken(query.get("lv")));
        consentText().ifPresent(text -> model.addAttribute("consentText", text));
        return "forms/public";
    }

    /** The consent checkbox's text an admin set (Settings → Personal data); no text, no checkbox. */
    private Optional<String> consentText() {
        return contacts.formConsentText();
    }

    @PostMapping("/forms/{campaign}")
    String submit(
            @PathVariable String campaign,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        checkCampaign(campaign);
        Instant now = Instant.now(clock);
        String client = "client:" + request.getRemoteAddr();
        if (submissions.count(client, now) >= MAX_SUBMISSIONS) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("problem", messages.get("form.tooMany"));
            return "forms/problem";
        }
        submissions.add(client, now);
        Optional<String> nonce = tokens.formNonce(form.get("token"), campaign);
        if (nonce.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", messages.get("form.expired"));
            return "forms/problem";
        }
        if (!form.getOrDefault("website", "").isBlank()) {
            // The honeypot: people never see this field; bots fill it. Thank them and keep nothing.
            return "redirect:/forms/" + campaign + "/thanks";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<EmailAddress> email = EmailAddress.parse(form.get("email"));
        if (email.isEmpty()) {
            errors.put("email", messages.get("form.email.invalid"));
        }
        Integer size = null;
        String sizeText = form.getOrDefault("company_size", "").strip();
        if (!sizeText.isEmpty()) {
            try {
                size = Integer.valueOf(sizeText);
                if (size < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.put("company_size", messages.get("form.companySize.invalid"));
            }
        }
        for (String field : ASKABLE) {
            if (form.getOrDefault(field, "").length() > 200) {
                errors.put(field, messages.get("form.field.size"));
            } else if (CellText.hasControlCharacters(form.get(field))) {
                errors.put(field, messages.get("form.field.control"));
            }
        }
        if (CellText.hasControlCharacters(form.get("email"))) {
            errors.put("email", messages.get("form.email.invalid"));
        }
        // Hidden fields (campaign tags, referrer) are the page's, not the visitor's: control characters are dropped.
        form.replaceAll((key, value) -> CellText.hasControlCharacters(value) ? CellText.visible(value) : value);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("campaign", campaign);
            model.addAttribute("token", tokens.formToken(campaign));
            model.addAttribute("utm", utm(form));
            model.addAttribute("referrer", form.get("referrer"));
            model.addAttribute("fields", fieldsFor(request));
            model.addAttribute("values", form);
            model.addAttribute("errors", errors);
            model.addAttribute("visitor", visitorToken(form.get("lv")));
            consentText().ifPresent(text -> model.addAttribute("consentText", text));
            return "forms/public";
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        utm(form).forEach((k, v) -> {
            if (!k.equals("utm_source")) {
                attributes.put(k, v);
            }
        });
        String referrer = form.getOrDefault("referrer", "");
        if (!referrer.isBlank()) {
            attributes.put("referrer", referrer.length() > 500 ? referrer.substring(0, 500) : referrer);
        }
        attributes.put("form_campaign", campaign);
        var profile = new LeadProfile(
                form.get("full_name"),
                email.get(),
                form.get("company"),
                form.get("job_title"),
                size,
                Countries.isoCode(form.get("country")).orElse(null),
                utm(form).get("utm_source"),
                attributes);
        boolean consented = consentText().isPresent() && "yes".equals(form.get("marketing_consent"));
        capture.submit(campaign, profile, nonce.get(), visitorLead(request), consented)
                .ifPresent(lead -> {
                    String trackedVisitor = visitorToken(form.get("lv"));
                    if (trackedVisitor != null) {
                        tracking.formSubmitted(trackedVisitor, lead.id());
                    }
                    Cookie visitor = new Cookie(VISITOR_COOKIE, tokens.visitor(lead.id()));
                    visitor.setHttpOnly(true);
                    visitor.setPath("/forms");
                    visitor.setMaxAge((int) Duration.ofDays(365).toSeconds());
                    visitor.setAttribute("SameSite", "Lax");
                    visitor.setSecure(request.isSecure());
                    response.addCookie(visitor);
                });
        return "redirect:/forms/" + campaign + "/thanks";
    }

    @GetMapping("/forms/{campaign}/thanks")
    String thanks(@PathVariable String campaign, Model model) {
        checkCampaign(campaign);
        model.addAttribute("campaign", campaign);
        return "forms/thanks";
    }

    /** A returning visitor is asked the unknown fields that move their score most; a new one the basics. */
    private List<String> fieldsFor(HttpServletRequest request) {
        return visitorLead(request)
                .flatMap(leads::byId)
                .map(lead -> ProgressiveProfiling.nextFields(models.active(), lead.profile(), 3).stream()
                        .map(ProgressiveProfiling.FieldToAsk::field)
                        .filter(ASKABLE::contains)
                        .toList())
                .filter(next -> !next.isEmpty())
                .orElse(FIRST_VISIT_FIELDS);
    }

    /** The lead this browser submitted as before, from the signed visitor cookie. */
    private Optional<Long> visitorLead(HttpServletRequest request) {
        return Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(c -> c.getName().equals(VISITOR_COOKIE))
                .findFirst()
                .flatMap(c -> tokens.visitorLead(c.getValue()));
    }

    /** The website visitor id the page's tracking snippet put in the form's address, kept as sent (it is checked when used). */
    private static String visitorToken(String value) {
        return value == null || value.isBlank() || value.length() > 120 || !value.matches("[A-Za-z0-9._-]+")
                ? null
                : value;
    }

    private static Map<String, String> utm(Map<String, String> params) {
        Map<String, String> utm = new LinkedHashMap<>();
        for (String key : List.of("utm_source", "utm_medium", "utm_campaign")) {
            String value = params.getOrDefault(key, "").strip();
            if (!value.isEmpty()) {
                utm.put(key, value.length() > 100 ? value.substring(0, 100) : value);
            }
        }
        return utm;
    }

    private static void checkCampaign(String campaign) {
        if (!campaign.matches("[a-z0-9][a-z0-9-]{0,49}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such form");
        }
    }
}
