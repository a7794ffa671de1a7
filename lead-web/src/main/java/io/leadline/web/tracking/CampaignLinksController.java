package io.leadline.web.tracking;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.LeadCount;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSearch;
import io.leadline.web.audit.Audit;
import io.leadline.web.leads.LeadFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Marketers take the tracked links of an email campaign for the leads on the list (its filters kept) as one CSV to
 * merge into the email tool: an open pixel and a click link per URL for each lead.
 */
@Controller
class CampaignLinksController {

    private final LeadList leads;
    private final CampaignLinks links;
    private final Audit audit;
    private final String baseUrl;

    CampaignLinksController(
            LeadList leads,
            CampaignLinks links,
            Audit audit,
            @Value("${leadline.tracking.link-base-url:}") String baseUrl) {
        this.leads = leads;
        this.links = links;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/leads/email-links")
    String form(
            @ModelAttribute("filter") LeadFilter filter,
            BindingResult binding,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String urls,
            Model model,
            HttpServletResponse response) {
        LeadSearch search = binding.hasErrors() ? LeadSearch.everything() : filter.toSearch();
        model.addAttribute("total", new LeadCount(leads.countUpTo(search, LeadCount.CAP)));
        model.addAttribute("campaign", campaign);
        model.addAttribute("urls", urls);
        if (campaign != null) {
            Map<String, String> problems = CampaignLinks.problems(campaign.strip(), urlList(urls));
            if (!problems.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("campaignError", problems.get("campaign"));
                model.addAttribute(
                        "urlsError",
                        problems.entrySet().stream()
                                .filter(e -> e.getKey().startsWith("urls"))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null));
            }
        }
        return "tracking/campaign-links";
    }

    @GetMapping("/leads/email-links.csv")
    void csv(
            @ModelAttribute("filter") LeadFilter filter,
            BindingResult binding,
            @RequestParam(defaultValue = "") String campaign,
            @RequestParam(defaultValue = "") String urls,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        List<String> list = urlList(urls);
        if (binding.hasErrors()
                || !CampaignLinks.problems(campaign.strip(), list).isEmpty()) {
            // Back to the form, which marks what to correct.
            var back = UriComponentsBuilder.fromPath(request.getContextPath() + "/leads/email-links");
            request.getParameterMap().forEach((name, values) -> back.queryParam(name, (Object[]) values));
            response.sendRedirect(back.encode().build().toUriString());
            return;
        }
        LeadSearch search = filter.toSearch();
        String name = campaign.strip();
        String base = baseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : baseUrl;
        audit.record(user.getName(), AuditAction.EXPORT, "email links", "campaign " + name + ", filter " + search);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "-") + "-links.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CampaignLinks.csvHeader(out, list.size());
        leads.each(search, row -> {
            try {
                CampaignLinks.csvRow(out, links.of(row.id(), row.email(), name, list, base), list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static List<String> urlList(String urls) {
        return urls == null
                ? List.of()
                : Arrays.stream(urls.split("\\s+")).filter(u -> !u.isBlank()).toList();
    }
}
