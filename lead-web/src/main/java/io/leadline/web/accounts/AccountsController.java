package io.leadline.web.accounts;

import io.leadline.core.account.AccountFilter;
import io.leadline.core.account.AccountPosition;
import io.leadline.core.account.AccountScore;
import io.leadline.core.account.AccountScores;
import io.leadline.core.account.AccountSummary;
import io.leadline.core.account.BuyingRole;
import io.leadline.core.account.MqaPolicy;
import io.leadline.core.account.ScoreDay;
import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.LeadCount;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.core.reports.Reports;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts as first-class: every account by its stored score (filters, keyset pages), and an account's page — its
 * contacts, the receipt of its score, MQA history, owner and what its leads did.
 */
@Controller
class AccountsController {

    static final int PAGE = 50;
    static final int CONTACTS = 200;
    static final int TIMELINE = 30;

    private final AccountScores accounts;
    private final SalesReps reps;
    private final Reports reports;
    private final Audit audit;
    private final MqaPolicy policy = MqaPolicy.standard();

    private final PageMessages messages;

    AccountsController(AccountScores accounts, SalesReps reps, Reports reports, Audit audit, PageMessages messages) {
        this.messages = messages;
        this.accounts = accounts;
        this.reps = reps;
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/accounts")
    String list(
            @RequestParam(defaultValue = "false") boolean mqa,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int roles,
            @RequestParam(required = false) String after,
            Model model) {
        AccountFilter filter = new AccountFilter(mqa, owner, source, roles);
        AccountPosition from = AccountPosition.parse(after);
        List<AccountSummary> page = accounts.page(filter, from, PAGE + 1);
        boolean more = page.size() > PAGE;
        List<AccountSummary> shown = more ? page.subList(0, PAGE) : page;
        model.addAttribute("accounts", shown);
        model.addAttribute("filter", filter);
        model.addAttribute("total", new LeadCount(accounts.countUpTo(filter, LeadCount.CAP)));
        model.addAttribute("next", more ? shown.getLast().position().token() : null);
        model.addAttribute("firstPage", from == null);
        model.addAttribute(
                "owners", reps.loads().stream().map(RepLoad::username).toList());
        model.addAttribute("unowned", AccountFilter.UNOWNED);
        model.addAttribute("sources", reports.sourcesInUse());
        model.addAttribute("roleCounts", List.of(1, 2, 3, 4));
        model.addAttribute("mqaPolicy", policy);
        return "accounts/list";
    }

    /** The queue's old account view lists the same accounts, now all of them. */
    @GetMapping("/queue/accounts")
    String queueAccounts() {
        return "redirect:/accounts";
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable long id, Model model) {
        AccountSummary account = accounts.byId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id));
        model.addAttribute("account", account);
        model.addAttribute("receipt", AccountScore.rollUp(accounts.members(id), policy));
        model.addAttribute("contacts", accounts.contacts(id, CONTACTS));
        model.addAttribute("history", accounts.history(id, 20));
        var days = accounts.scoreOverTime(id, 90);
        model.addAttribute("days", days);
        model.addAttribute(
                "dayMax",
                Math.max(1, days.stream().mapToInt(ScoreDay::score).max().orElse(1)));
        model.addAttribute("timeline", accounts.timeline(id, TIMELINE));
        model.addAttribute(
                "owners", reps.loads().stream().map(RepLoad::username).toList());
        model.addAttribute("mqaPolicy", policy);
        model.addAttribute("roles", BuyingRole.values());
        return "accounts/account";
    }

    /** An admin gives the account to a rep (the "account owner" assignment rule then routes its new MQLs to them). */
    @PostMapping("/accounts/{id}/owner")
    String owner(
            @PathVariable long id,
            @RequestParam(required = false) String owner,
            Principal admin,
            RedirectAttributes redirect) {
        String rep = owner == null || owner.isBlank() ? null : owner.strip();
        if (rep != null && reps.loads().stream().map(RepLoad::username).noneMatch(rep::equals)) {
            redirect.addFlashAttribute("error", messages.get("account.owner.choose"));
            return "redirect:/accounts/" + id;
        }
        AccountSummary account = accounts.byId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id));
        accounts.assignOwner(id, rep);
        audit.record(
                admin.getName(),
                AuditAction.ACCOUNT_OWNER_CHANGED,
                "account " + id,
                account.name() + ": " + (rep == null ? "nobody" : rep));
        redirect.addFlashAttribute(
                "message",
                rep == null
                        ? messages.get("account.owner.cleared", account.name())
                        : messages.get("account.owner.set", account.name(), rep));
        return "redirect:/accounts/" + id;
    }
}
