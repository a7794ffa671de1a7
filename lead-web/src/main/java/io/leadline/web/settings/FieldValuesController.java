package io.leadline.web.settings;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A field's values in the data, for writing a rule: each value as a rule compares it, with its leads, how many were
 * won and lost, and the win rate of the resolved ones. Opened beside the model editor (its own tab, so a draft in
 * progress is kept).
 */
@Controller
class FieldValuesController {

    /** Distinct stored values read at most (before folding). */
    static final int MAX_VALUES = 500;

    private final LeadList leads;

    FieldValuesController(LeadList leads) {
        this.leads = leads;
    }

    @GetMapping("/settings/model/values")
    String values(@RequestParam(name = "field", defaultValue = "") String field, Model model) {
        model.addAttribute("fieldNames", leads.customFields());
        model.addAttribute("field", field);
        String key = FieldKey.of(field);
        if (!key.isEmpty()) {
            List<LeadList.ValueCount> counts = LeadList.ValueCount.folded(leads.valueCounts(key, MAX_VALUES));
            model.addAttribute("key", key);
            model.addAttribute("counts", counts);
            model.addAttribute("truncated", counts.size() >= MAX_VALUES);
        }
        return "settings/field-values";
    }
}
