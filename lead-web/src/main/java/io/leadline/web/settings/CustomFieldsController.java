package io.leadline.web.settings;

import io.leadline.core.lead.CustomFieldTypes;
import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.FieldType;
import io.leadline.core.lead.LeadList;
import io.leadline.web.i18n.PageMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The custom fields leads carry (the extra columns of imports, the fields of forms), each with its type as told from
 * its values: text, number (filter by range, rules by range) or date. Checked after every import; here on demand.
 */
@Controller
class CustomFieldsController {

    private final LeadList leads;
    private final CustomFieldTypes types;
    private final Clock clock;

    private final PageMessages messages;

    CustomFieldsController(LeadList leads, CustomFieldTypes types, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.leads = leads;
        this.types = types;
        this.clock = clock;
    }

    /** A custom field on the page: its key, and its type (null when not checked yet). */
    record Field(String key, FieldType type) {}

    @GetMapping("/settings/fields")
    String fields(Model model) {
        Map<String, FieldType> known = types.known();
        TreeSet<String> keys = new TreeSet<>();
        leads.customFields().forEach(f -> keys.add(FieldKey.of(f)));
        keys.remove("");
        List<Field> fields = new ArrayList<>();
        keys.forEach(key -> fields.add(new Field(key, known.get(key))));
        model.addAttribute("fields", fields);
        return "settings/fields";
    }

    @PostMapping("/settings/fields/check")
    String check(RedirectAttributes redirect) {
        Map<String, FieldType> checked = types.checkAll(Instant.now(clock));
        long numbers =
                checked.values().stream().filter(t -> t == FieldType.NUMBER).count();
        long dates = checked.values().stream().filter(t -> t == FieldType.DATE).count();
        redirect.addFlashAttribute("message", messages.get("fields.checked", checked.size(), numbers, dates));
        return "redirect:/settings/fields";
    }
}
