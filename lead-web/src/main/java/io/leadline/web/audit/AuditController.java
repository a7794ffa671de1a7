package io.leadline.web.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditLog;
import io.leadline.core.audit.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's view of the audit log: the latest 200 entries, filtered by action, by who acted, by the lead acted on
 * and by dates (UTC days, both included).
 */
@Controller
class AuditController {

    static final int SHOWN = 200;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/settings/audit")
    String audit(
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Long lead,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        AuditQuery query = new AuditQuery(
                action,
                actor,
                lead == null ? null : "lead " + lead,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        model.addAttribute("events", log.search(query, SHOWN));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("selected", action);
        model.addAttribute("actor", query.actor());
        model.addAttribute("lead", lead);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/audit";
    }
}
