package io.leadline.web.leads;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.MqlGap;
import io.leadline.core.scoring.ProgressiveProfiling;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** One lead: profile, score with its receipt, and stage history. */
@Controller
class LeadDetailController {

    private final Leads leads;
    private final LeadScores scores;
    private final ScoringModels models;
    private final Clock clock;

    LeadDetailController(Leads leads, LeadScores scores, ScoringModels models, Clock clock) {
        this.leads = leads;
        this.scores = scores;
        this.models = models;
        this.clock = clock;
    }

    @GetMapping("/leads/{id}")
    String show(@PathVariable long id, Model model) {
        Lead lead = leads.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id));
        model.addAttribute("lead", lead);
        model.addAttribute("stored", scores.of(id).orElse(null));
        ScoringModel active = models.active();
        Instant now = Instant.now(clock);
        model.addAttribute("score", active.score(lead.profile(), List.of(), now));
        model.addAttribute("gap", MqlGap.of(active, lead.profile(), List.of(), now));
        model.addAttribute("ask", ProgressiveProfiling.nextFields(active, lead.profile(), 3));
        model.addAttribute("history", leads.history(id));
        return "leads/detail";
    }
}
