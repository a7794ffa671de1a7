package io.leadline.web.leads;

import io.leadline.persistence.lead.Segments;
import io.leadline.web.i18n.PageMessages;
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
import org.springframework.web.util.UriUtils;

/** Saving the lead list's current search as a named segment, and removing one. */
@Controller
class SegmentController {

    /** The lead list's filters: a segment keeps these and nothing else (not the page it was on). */
    static final Set<String> FILTERS = Set.of(
            "segment",
            "text",
            "stage",
            "source",
            "grade",
            "minGrade",
            "owner",
            "minScore",
            "maxScore",
            "minLikelihood",
            "createdFrom",
            "createdTo",
            "withinDays",
            "order",
            "customField",
            "customValue",
            "customMin",
            "customMax");

    private final Segments segments;
    private final Clock clock;

    private final PageMessages messages;

    SegmentController(Segments segments, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.segments = segments;
        this.clock = clock;
    }

    @PostMapping("/segments")
    String save(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String query,
            Principal user,
            RedirectAttributes redirect) {
        String filters = filtersOf(query);
        if (name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("error", messages.get("segment.name"));
        } else if (filters.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("segment.noFilter"));
        } else if (!segments.save(name, filters, user.getName(), Instant.now(clock))) {
            redirect.addFlashAttribute("error", messages.get("segment.exists", name.strip()));
        } else {
            redirect.addFlashAttribute("message", messages.get("segment.saved", name.strip()));
        }
        return "redirect:/leads" + (filters.isEmpty() ? "" : "?" + filters);
    }

    @PostMapping("/segments/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        segments.delete(id);
        redirect.addFlashAttribute("message", messages.get("segment.removed"));
        return "redirect:/leads";
    }

    /**
     * The query string with only non-empty filter parameters, each decoded and encoded again: whatever was posted, the
     * result is a clean query (no raw CR/LF to break the redirect's Location header); undecodable pairs are dropped.
     */
    static String filtersOf(String query) {
        return Arrays.stream(query.split("&"))
                .map(SegmentController::filter)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining("&"));
    }

    private static String filter(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            return "";
        }
        try {
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            return FILTERS.contains(key) && !value.isBlank()
                    ? UriUtils.encodeQueryParam(key, StandardCharsets.UTF_8) + "="
                            + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)
                    : "";
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
