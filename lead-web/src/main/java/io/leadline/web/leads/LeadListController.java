package io.leadline.web.leads;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.bulk.BulkAction;
import io.leadline.core.importing.SpreadsheetSafety;
import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadCount;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSearch;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.SegmentMembers;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.core.reports.Reports;
import io.leadline.core.scoring.FitGrade;
import io.leadline.persistence.lead.Segments;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.prediction.LeadLikelihood;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/** The lead list: search, filters, sort, keyset pages, and the same selection as a CSV file. */
@Controller
class LeadListController {

    static final int PAGE_SIZE = 50;

    private final LeadList leads;
    private final Segments segments;
    private final Audit audit;

    private final Reports reports;
    private final LeadLikelihood likelihood;

    private final SalesRules salesRules;
    private final SalesReps reps;
    private final SegmentMembers lists;
    private final PageMessages messages;

    LeadListController(
            LeadList leads,
            Segments segments,
            Audit audit,
            Reports reports,
            LeadLikelihood likelihood,
            SalesRules salesRules,
            SalesReps reps,
            SegmentMembers lists,
            PageMessages messages) {
        this.lists = lists;
        this.messages = messages;
        this.salesRules = salesRules;
        this.reps = reps;
        this.likelihood = likelihood;
        this.reports = reports;
        this.leads = leads;
        this.segments = segments;
        this.audit = audit;
    }

    @InitBinder("filter")
    void onlyFilterFields(WebDataBinder binder) {
        binder.setAllowedFields(SegmentController.FILTERS.toArray(String[]::new));
    }

    @ModelAttribute("stages")
    LifecycleStage[] stages() {
        return LifecycleStage.values();
    }

    @ModelAttribute("grades")
    FitGrade[] grades() {
        return FitGrade.values();
    }

    @ModelAttribute("sources")
    List<String> sources() {
        return reports.sourcesInUse();
    }

    /** Whether a predictive model is live: the likelihood column, filter and order show only then. */
    @ModelAttribute("likelihoodLive")
    boolean likelihoodLive() {
        return likelihood.live();
    }

    @GetMapping("/leads")
    String list(
            @ModelAttribute("filter") LeadFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Long afterValue,
            @RequestParam(required = false) Long afterId,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("rows", List.of());
        model.addAttribute("segments", segments.all());
        model.addAttribute("bulkKinds", BulkAction.Kind.values());
        model.addAttribute(
                "bulkReps", reps.loads().stream().map(RepLoad::username).toList());
        model.addAttribute("bulkReasons", salesRules.reasons());
        model.addAttribute("bulkLists", lists.lists());
        model.addAttribute(
                "query", SegmentController.filtersOf(request.getQueryString() == null ? "" : request.getQueryString()));
        if (binding.hasErrors()) {
            model.addAttribute(
                    "error",
                    "Some filters could not be read: "
                            + binding.getFieldErrors().stream()
                                    .map(e -> e.getField())
                                    .distinct()
                                    .toList() + ". Correct them and search again.");
            return "leads/list";
        }
        LeadSearch search;
        try {
            search = filter.toSearch();
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", messages.refusal(e));
            return "leads/list";
        }
        LeadList.After after = afterId != null && afterValue != null ? new LeadList.After(afterValue, afterId) : null;
        List<LeadList.Row> page = leads.page(search, after, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<LeadList.Row> shown = more ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute("rows", shown);
        model.addAttribute("total", new LeadCount(leads.countUpTo(search, LeadCount.CAP)));
        model.addAttribute("next", more ? LeadList.after(search, shown.getLast()) : null);
        model.addAttribute("firstPage", after == null);
        return "leads/list";
    }

    /** The most custom fields an export adds as columns. */
    static final int MAX_EXPORT_FIELDS = 50;

    @ModelAttribute("customFields")
    List<String> customFields() {
        return leads.customFields();
    }

    /** The current selection as CSV: every row, with the custom fields asked for, cells that look like formulas escaped. */
    @RequestMapping(
            path = "/leads/export.csv",
            method = {RequestMethod.GET, RequestMethod.POST})
    void export(
            @ModelAttribute("filter") LeadFilter filter,
            BindingResult binding,
            @RequestParam(name = "field", required = false) List<String> fields,
            @RequestParam(defaultValue = "all") String scope,
            @RequestParam(name = "lead", required = false) List<Long> ticked,
            Principal user,
            HttpServletResponse response)
            throws IOException {
        LeadSearch search = binding.hasErrors() ? LeadSearch.everything() : filter.toSearch();
        if ("selected".equals(scope) && ticked != null && !ticked.isEmpty()) {
            // The leads ticked on the page (the bulk form's export), within the same filters.
            search = search.only(ticked.stream().limit(BulkAction.MAX_LEADS).toList());
        }
        List<String> custom = fields == null
                ? List.of()
                : fields.stream()
                        .map(FieldKey::of)
                        .filter(k -> !k.isEmpty())
                        .distinct()
                        .limit(MAX_EXPORT_FIELDS)
                        .toList();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"leads.csv\"");
        audit.record(
                user.getName(),
                AuditAction.EXPORT,
                "lead list",
                "filter " + search + (custom.isEmpty() ? "" : ", fields " + custom));
        var csv = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        List<String> header = new ArrayList<>(List.of(
                "id",
                "name",
                "email",
                "company",
                "job title",
                "source",
                "stage",
                "score",
                "fit grade",
                "owner",
                "created",
                "likelihood to close",
                "marketing consent",
                "do not contact"));
        header.addAll(custom);
        csv.printRecord(header);
        leads.each(search, custom, (r, values) -> {
            try {
                List<Object> record = new ArrayList<>(Arrays.asList(
                        r.id(),
                        safe(r.name()),
                        safe(r.email()),
                        safe(r.company()),
                        safe(r.jobTitle()),
                        safe(r.source()),
                        r.stage().name(),
                        r.score(),
                        r.grade().name(),
                        safe(r.owner()),
                        r.createdAt(),
                        r.likelihood() == null ? "" : String.format(Locale.ROOT, "%.4f", r.likelihood()),
                        r.consent() == null ? "" : r.consent().toLowerCase(Locale.ROOT),
                        r.doNotContact() ? "yes" : "no"));
                values.forEach(v -> record.add(safe(v)));
                csv.printRecord(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private static String safe(String cell) {
        return SpreadsheetSafety.cell(cell);
    }
}
