package io.leadline.web.duplicates;

import io.leadline.core.duplicates.DuplicateCandidates;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The new-lead form's hint, asked by the page script while a person types: the stored leads the lead being entered
 * may duplicate. The form works without it (the lead page lists them after saving).
 */
@RestController
class DuplicateHintController {

    static final int MAX_TYPED = 254;

    private final DuplicateCandidates candidates;

    DuplicateHintController(DuplicateCandidates candidates) {
        this.candidates = candidates;
    }

    /** One possible duplicate as the hint shows it. */
    record Hint(long id, String name, int percent, List<String> reasons, String url) {}

    @GetMapping("/leads/duplicates/check")
    List<Hint> check(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String company,
            @RequestParam(defaultValue = "") String phone) {
        if (email.length() > MAX_TYPED
                || fullName.length() > MAX_TYPED
                || company.length() > MAX_TYPED
                || phone.length() > MAX_TYPED) {
            return List.of();
        }
        return candidates.like(email, fullName, company, phone).stream()
                .limit(5)
                .map(c -> new Hint(
                        c.otherId(), c.otherName(), c.percent(), c.signals().reasons(), "/leads/" + c.otherId()))
                .toList();
    }
}
