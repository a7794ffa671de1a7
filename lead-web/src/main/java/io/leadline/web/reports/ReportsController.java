package io.leadline.web.reports;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.SpreadsheetSafety;
import io.leadline.core.qualification.DisqualificationReport;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.reports.FunnelRow;
import io.leadline.core.reports.Reports;
import io.leadline.persistence.reports.ReportSnapshots;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Funnel by source and by month, win rate by source, score distribution, SLA compliance, disqualification reasons. */
@Controller
class ReportsController {

    private final Reports reports;
    private final DisqualificationReport disqualifications;
    private final ReportSnapshots snapshots;
    private final long refreshMillis;
    private final Audit audit;
    private final SalesRules settings;
    private final HandoffRules handoff;

    private final PageMessages messages;

    ReportsController(
            Reports reports,
            DisqualificationReport disqualifications,
            SalesRules settings,
            HandoffRules handoff,
            Audit audit,
            ReportSnapshots snapshots,
            @Value("${leadline.reports.refresh-millis:300000}") long refreshMillis,
            PageMessages messages) {
        this.messages = messages;
        this.handoff = handoff;
        this.snapshots = snapshots;
        this.refreshMillis = refreshMillis;
        this.reports = reports;
        this.disqualifications = disqualifications;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/reports")
    String reports(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String source,
            Model model) {
        Reports.Scope scope = new Reports.Scope(from, to, source);
        List<FunnelRow> bySource = reports.funnelBySource(scope);
        model.addAttribute("scope", scope);
        model.addAttribute("sources", reports.sourcesInUse());
        model.addAttribute("bySource", bySource);
        boolean overResolved = FunnelRow.overResolved(bySource);
        model.addAttribute("overResolved", overResolved);
        model.addAttribute(
                "maxWinRate",
                bySource.stream()
                        .map(r -> r.winRate(overResolved))
                        .filter(r -> r != null)
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0));
        List<FunnelRow> byMonth = reports.funnelByMonth(scope);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute(
                "maxMonth",
                Math.max(1, byMonth.stream().mapToLong(FunnelRow::leads).max().orElse(1)));
        var distribution = reports.scoreDistribution(scope);
        model.addAttribute("distribution", distribution);
        model.addAttribute(
                "maxBand",
                distribution.stream().mapToLong(Reports.Band::leads).max().orElse(1));
        ResponseSla sla = sla();
        model.addAttribute("sla", reports.slaCompliance(scope, sla));
        model.addAttribute("slaHours", sla.limit().toHours());
        model.addAttribute("slaWorking", sla.workingHours() != null);
        model.addAttribute(
                "workingHours",
                sla.workingHours() == null ? null : sla.workingHours().describe());
        model.addAttribute("disqualifications", disqualifications.counts());
        model.addAttribute("lostReasons", disqualifications.lostReasons(15));
        model.addAttribute("refreshedAt", snapshots.refreshedAt());
        model.addAttribute("refreshMinutes", refreshMillis / 60_000);
        return "reports/reports";
    }

    /** The response-time SLA as the queue counts it: the admin's hours, in working hours when they are set. */
    private ResponseSla sla() {
        return handoff.policy().sla(settings.slaHours());
    }

    /** The snapshots the reports read, brought up to date now (they also are every few minutes). */
    @PostMapping("/reports/refresh")
    String refresh(RedirectAttributes redirect) {
        snapshots.refresh();
        redirect.addFlashAttribute("message", messages.get("reports.refreshed"));
        return "redirect:/reports";
    }

    /** A report as rows for its CSV file. */
    private record Table(List<String> header, List<List<Object>> rows) {}

    private static Table funnel(String group, List<FunnelRow> rows) {
        return new Table(
                List.of(
                        group,
                        "leads",
                        "mqls",
                        "sqls",
                        "won",
                        "lost or disqualified",
                        "open",
                        "mql rate",
                        "win rate of resolved",
                        "win rate of all"),
                rows.stream()
                        .map(r -> Arrays.<Object>asList(
                                r.group(),
                                r.leads(),
                                r.mqls(),
                                r.sqls(),
                                r.won(),
                                r.lost(),
                                r.open(),
                                r.mqlRate(),
                                r.winRateOfResolved(),
                                r.winRateOfAll()))
                        .toList());
    }

    @GetMapping("/reports/{report}.csv")
    void csv(
            @PathVariable String report,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String source,
            Principal user,
            HttpServletResponse response)
            throws IOException {
        Reports.Scope scope = new Reports.Scope(from, to, source);
        Table table = switch (report) {
            case "funnel-by-source" -> funnel("source", reports.funnelBySource(scope));
            case "funnel-by-month" -> funnel("month", reports.funnelByMonth(scope));
            case "score-distribution" ->
                new Table(
                        List.of("score from", "leads"),
                        reports.scoreDistribution(scope).stream()
                                .map(b -> List.<Object>of(b.from(), b.leads()))
                                .toList());
            case "sla" -> {
                ResponseSla limit = sla();
                Reports.Sla sla = reports.slaCompliance(scope, limit);
                yield new Table(
                        List.of(
                                "sla hours",
                                "counted in",
                                "claimed in time",
                                "claimed late",
                                "waiting in time",
                                "waiting late"),
                        List.of(List.of(
                                limit.limit().toHours(),
                                limit.workingHours() == null
                                        ? "every hour"
                                        : limit.workingHours().describe(),
                                sla.claimedInTime(),
                                sla.claimedLate(),
                                sla.waitingInTime(),
                                sla.waitingLate())));
            }
            case "disqualification-reasons" ->
                new Table(
                        List.of("reason", "by reps", "by rules"),
                        disqualifications.counts().stream()
                                .map(d -> List.<Object>of(d.reasonCode(), d.byReps(), d.byRules()))
                                .toList());
            case "lost-reasons" ->
                new Table(
                        List.of("reason", "deals"),
                        disqualifications.lostReasons(1000).stream()
                                .map(l -> List.<Object>of(l.reason(), l.deals()))
                                .toList());
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No report " + report);
        };
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + report + ".csv\"");
        audit.record(user.getName(), AuditAction.EXPORT, "report " + report, scope.toString());
        var csv = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        csv.printRecord(table.header());
        for (List<Object> row : table.rows()) {
            csv.printRecord(row.stream()
                    .map(cell -> cell instanceof String text ? SpreadsheetSafety.cell(text) : cell)
                    .toList());
        }
        csv.flush();
    }
}
