package io.leadline.web.tracking;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSite;
import io.leadline.core.tracking.TrackedSites;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admins register the websites that paste the tracking snippet, and copy each one's snippet and identify secret. */
@Controller
class TrackedSitesController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final TrackedSites sites;
    private final SiteDirectory directory;
    private final TrackingRetention retention;
    private final Audit audit;
    private final Clock clock;

    private final PageMessages messages;

    TrackedSitesController(
            TrackedSites sites,
            SiteDirectory directory,
            TrackingRetention retention,
            Audit audit,
            Clock clock,
            PageMessages messages) {
        this.messages = messages;
        this.sites = sites;
        this.directory = directory;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/settings/tracking")
    String list(Model model) {
        if (!model.containsAttribute("siteForm")) {
            model.addAttribute("siteForm", new SiteForm());
        }
        model.addAttribute("sites", sites.all());
        model.addAttribute("retentionMonths", retention.months());
        return "tracking/sites";
    }

    @PostMapping("/settings/tracking")
    String add(
            @Valid @ModelAttribute("siteForm") SiteForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SiteOrigins.Parsed origins = origins(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model);
        }
        long id = sites.add(
                newSite(form, origins),
                "site_" + randomKey(16),
                "lis_" + HexFormat.of().formatHex(bytes(24)),
                admin.getName(),
                Instant.now(clock));
        directory.changed();
        audit.record(
                admin.getName(),
                AuditAction.SETTINGS_CHANGED,
                "tracked site " + id,
                "added " + form.getName().strip() + " for "
                        + String.join(", ", origins.origins().list()));
        redirect.addFlashAttribute("message", messages.get("sites.added"));
        return "redirect:/settings/tracking/" + id;
    }

    @GetMapping("/settings/tracking/{id}")
    String site(@PathVariable long id, Model model, HttpServletRequest request) {
        TrackedSite site = find(id);
        if (!model.containsAttribute("siteForm")) {
            model.addAttribute("siteForm", SiteForm.of(site));
        }
        model.addAttribute("site", site);
        model.addAttribute(
                "snippet",
                Snippet.of(
                        site,
                        ServletUriComponentsBuilder.fromContextPath(request)
                                .build()
                                .toUriString()));
        return "tracking/site";
    }

    @PostMapping("/settings/tracking/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("siteForm") SiteForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        find(id);
        SiteOrigins.Parsed origins = origins(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return site(id, model, request);
        }
        sites.update(id, newSite(form, origins));
        directory.changed();
        audit.record(
                admin.getName(),
                AuditAction.SETTINGS_CHANGED,
                "tracked site " + id,
                "changed to " + form.getName().strip()
                        + " for " + String.join(", ", origins.origins().list())
                        + (form.isConsentRequired() ? ", consent required" : "")
                        + (form.isHonourPrivacySignals() ? ", privacy signals honoured" : ""));
        redirect.addFlashAttribute("message", messages.get("sites.saved"));
        return "redirect:/settings/tracking/" + id;
    }

    /** The form's origins, read; what cannot be read is marked at the field. */
    private static SiteOrigins.Parsed origins(SiteForm form, BindingResult errors) {
        SiteOrigins.Parsed origins = SiteOrigins.parse(form.getOrigins());
        if (!origins.ok()) {
            errors.rejectValue("origins", "origins", origins.problem());
        }
        return origins;
    }

    private TrackedSite find(long id) {
        return sites.byId(id)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no tracked site " + id + "."));
    }

    private static TrackedSites.NewSite newSite(SiteForm form, SiteOrigins.Parsed origins) {
        return new TrackedSites.NewSite(
                form.getName().strip(), origins.origins(), form.isConsentRequired(), form.isHonourPrivacySignals());
    }

    private static String randomKey(int length) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < length; i++) {
            key.append(KEY_LETTERS.charAt(RANDOM.nextInt(KEY_LETTERS.length())));
        }
        return key.toString();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
