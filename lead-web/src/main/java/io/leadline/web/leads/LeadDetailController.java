package io.leadline.web.leads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One lead: profile, score with its receipt, what is missing for MQL, BANT and stage history. */
@Controller
class LeadDetailController {

    private final LeadPage page;

    LeadDetailController(LeadPage page) {
        this.page = page;
    }

    @GetMapping("/leads/{id}")
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }
}
