package io.leadline.web.reports;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.SpreadsheetSafety;
import io.leadline.core.lead.LeadSources;
import io.leadline.core.qualification.DisqualificationReport;
import io.leadline.core.reports.FunnelRow;
import io.leadline.core.reports.Reports;
import io.leadline.persistence.qualification.SalesSettings;
import io.leadline.web.audit.Audit;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Funnel by source and by month, win rate by source, score distribution, SLA compliance, disqualification reasons. */
@Controller
class ReportsController {

    private final Reports reports;
    private final DisqualificationReport disqualifications;
    private final Audit audit;
    private final SalesSettings settings;

    ReportsController(Reports reports, DisqualificationReport disqualifications, SalesSettings settings, Audit audit) {
        this.reports = reports;
        this.disqualifications = disqualifications;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String source, Model model) {
        Reports.Scope scope = new Reports.Scope(from, to, source);
        List<FunnelRow> bySource = reports.funnelBySource(scope);
        model.addAttribute("scope", scope);
        model.addAttribute("sources", LeadSources.STANDARD);
        model.addAttribute("bySource", bySource);
        model.addAttribute("maxWinRate", bySource.stream().map(FunnelRow::winRate).filter(r -> r != null)
                .mapToDouble(Double::doubleValue).max().orElse(0));
        model.addAttribute("byMonth", reports.funnelByMonth(scope));
        var distribution = reports.scoreDistribution(scope);
        model.addAttribute("distribution", distribution);
        model.addAttribute("maxBand", distribution.stream().mapToLong(Reports.Band::leads).max().orElse(1));
        int slaHours = settings.slaHours();
        model.addAttribute("sla", reports.slaCompliance(scope, slaHours));
        model.addAttribute("slaHours", slaHours);
        model.addAttribute("disqualifications", disqualifications.counts());
        model.addAttribute("lostReasons", disqualifications.lostReasons(15));
        return "reports/reports";
    }

    @GetMapping("/reports/{report}.csv")
    void csv(@PathVariable String report, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             @RequestParam(required = false) String source, Principal user, HttpServletResponse response) throws IOException {
        Reports.Scope scope = new Reports.Scope(from, to, source);
        List<FunnelRow> rows = switch (report) {
            case "funnel-by-source" -> reports.funnelBySource(scope);
            case "funnel-by-month" -> reports.funnelByMonth(scope);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No report " + report);
        };
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + report + ".csv\"");
        audit.record(user.getName(), AuditAction.EXPORT, "report " + report, scope.toString());
        var csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        csv.printRecord(report.endsWith("source") ? "source" : "month", "leads", "mqls", "sqls", "won", "mql rate", "win rate");
        for (FunnelRow r : rows) {
            csv.printRecord(SpreadsheetSafety.cell(r.group()), r.leads(), r.mqls(), r.sqls(), r.won(), r.mqlRate(), r.winRate());
        }
        csv.flush();
    }
}
