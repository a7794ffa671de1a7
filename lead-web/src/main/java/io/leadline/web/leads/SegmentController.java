package io.leadline.web.leads;

import io.leadline.persistence.lead.Segments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving the lead list's current search as a named segment, and removing one. */
@Controller
class SegmentController {

    /** The lead list's filters: a segment keeps these and nothing else (not the page it was on). */
    static final Set<String> FILTERS = Set.of("text", "stage", "source", "grade", "minGrade", "owner", "minScore", "maxScore", "minLikelihood",
            "createdFrom", "createdTo", "withinDays", "order", "customField", "customValue", "customMin", "customMax");

    private final Segments segments;
    private final Clock clock;

    SegmentController(Segments segments, Clock clock) {
        this.segments = segments;
        this.clock = clock;
    }

    @PostMapping("/segments")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query, Principal user,
                RedirectAttributes redirect) {
        String filters = filtersOf(query);
        if (name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("error", "Give the segment a name of up to 100 characters.");
        } else if (filters.isEmpty()) {
            redirect.addFlashAttribute("error", "Filter the list first: a segment without filters is every lead.");
        } else if (!segments.save(name, filters, user.getName(), Instant.now(clock))) {
            redirect.addFlashAttribute("error", "A segment named \"" + name.strip() + "\" exists already.");
        } else {
            redirect.addFlashAttribute("message", "Saved the segment \"" + name.strip() + "\".");
        }
        return "redirect:/leads" + (filters.isEmpty() ? "" : "?" + filters);
    }

    @PostMapping("/segments/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        segments.delete(id);
        redirect.addFlashAttribute("message", "Segment removed.");
        return "redirect:/leads";
    }

    /** The query string with only non-empty filter parameters, in their original encoding. */
    static String filtersOf(String query) {
        return Arrays.stream(query.split("&"))
                .filter(p -> {
                    int eq = p.indexOf('=');
                    String key = eq < 0 ? p : URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8);
                    return eq > 0 && eq < p.length() - 1 && FILTERS.contains(key);
                })
                .collect(Collectors.joining("&"));
    }
}
