package io.leadline.web.leads;

import io.leadline.core.account.AccountScores;
import io.leadline.core.activity.Activities;
import io.leadline.core.activity.Activity;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.PendingSubmissions;
import io.leadline.core.qualification.BantAssessments;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantStatus;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.scoring.MqlGap;
import io.leadline.core.scoring.ProgressiveProfiling;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.tracking.WebsiteHits;
import io.leadline.core.tracking.WebsiteVisits;
import io.leadline.web.prediction.LeadLikelihood;
import io.leadline.web.queue.LeadAssignment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Everything the lead page shows, gathered once for its controllers. */
@Component
public class LeadPage {

    public static final String VIEW = "leads/detail";
    /** The most page views read for the visits card (its sessions count is of these). */
    static final int VISITS = 500;

    private final Leads leads;
    private final ScoringModels models;
    private final BantAssessments bant;
    private final SalesRules salesRules;
    private final LeadAssignment assignment;
    private final Activities activities;
    private final LeadList list;
    private final Clock clock;
    private final LeadLikelihood likelihood;
    private final PendingSubmissions pending;
    private final WebsiteHits hits;
    private final DuplicateCandidates duplicates;
    private final ContactStatuses contacts;
    private final AccountScores accounts;

    LeadPage(
            Leads leads,
            ScoringModels models,
            BantAssessments bant,
            SalesRules salesRules,
            LeadAssignment assignment,
            Activities activities,
            LeadList list,
            LeadLikelihood likelihood,
            PendingSubmissions pending,
            WebsiteHits hits,
            DuplicateCandidates duplicates,
            ContactStatuses contacts,
            AccountScores accounts,
            Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.hits = hits;
        this.likelihood = likelihood;
        this.pending = pending;
        this.list = list;
        this.activities = activities;
        this.assignment = assignment;
        this.leads = leads;
        this.models = models;
        this.bant = bant;
        this.salesRules = salesRules;
        this.clock = clock;
    }

    public String show(long id, Model model) {
        Lead lead =
                leads.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id));
        ScoringModel active = models.active();
        Instant now = Instant.now(clock);
        var assessment = bant.of(id);
        model.addAttribute("lead", lead);
        List<Activity> done = activities.of(id);
        model.addAttribute("score", active.score(lead.profile(), done, now));
        model.addAttribute("gap", MqlGap.of(active, lead.profile(), done, now));
        model.addAttribute("likelihood", likelihood.of(id).orElse(null));
        model.addAttribute("activities", done.reversed());
        model.addAttribute("ask", ProgressiveProfiling.nextFields(active, lead.profile(), 3));
        model.addAttribute("history", leads.history(id));
        model.addAttribute("visits", WebsiteVisits.of(hits.pagesOf(id, VISITS)));
        model.addAttribute("pendingSubmissions", pending.open(id));
        model.addAttribute("duplicates", duplicates.of(id));
        model.addAttribute("contact", contacts.of(id));
        model.addAttribute("colleagues", list.colleagues(id, 10));
        model.addAttribute("accountId", accounts.accountOf(id).orElse(null));
        model.addAttribute("bant", assessment);
        model.addAttribute("bantVerdict", salesRules.bantPolicy().evaluate(assessment));
        model.addAttribute("criteria", BantCriterion.values());
        model.addAttribute("statuses", BantStatus.values());
        model.addAttribute("reasons", salesRules.reasons());
        model.addAttribute("reps", assignment.reps());
        return VIEW;
    }
}
