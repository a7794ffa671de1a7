package io.leadline.web.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's view of the audit log: the latest 200 events, of one kind or all. */
@Controller
class AuditController {

    static final int SHOWN = 200;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/settings/audit")
    String audit(@RequestParam(required = false) AuditAction action, Model model) {
        model.addAttribute("events", log.latest(action, SHOWN));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("selected", action);
        return "audit/audit";
    }
}
