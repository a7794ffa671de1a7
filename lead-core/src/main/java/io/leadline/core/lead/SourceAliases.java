package io.leadline.core.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sources an admin merged into others ({@code google_ads} → {@code paid_search}): a lead arriving with an alias,
 * by any path, is stored under the source it was merged into. Keys are folded as every source is ({@link LeadSources#key}).
 */
public record SourceAliases(Map<String, String> sourceOf) {

    public SourceAliases {
        sourceOf = Map.copyOf(sourceOf);
    }

    /** The source a lead with {@code source} is stored under. */
    public String resolve(String source) {
        if (source == null) {
            return null;
        }
        String key = LeadSources.key(source);
        return sourceOf.getOrDefault(key, key);
    }

    /** The profile with its source resolved (the same profile when there is nothing to change). */
    public LeadProfile apply(LeadProfile profile) {
        String source = resolve(profile.source());
        return Objects.equals(source, profile.source())
                ? profile
                : new LeadProfile(
                        profile.fullName(),
                        profile.email(),
                        profile.company(),
                        profile.jobTitle(),
                        profile.companySize(),
                        profile.country(),
                        source,
                        profile.attributes());
    }

    /** Why {@code alias} cannot be merged into {@code into}, each said in a sentence; empty when it can. */
    public List<String> problemsMerging(String alias, String into) {
        List<String> problems = new ArrayList<>();
        String from = alias == null || alias.isBlank() ? "" : LeadSources.key(alias);
        String to = into == null || into.isBlank() ? "" : LeadSources.key(into);
        if (from.isEmpty()) {
            problems.add("Choose the source to merge.");
        }
        if (to.isEmpty()) {
            problems.add("Choose the source to merge it into.");
        } else if (to.equals(from) || resolve(to).equals(from)) {
            problems.add("A source cannot be merged into itself.");
        }
        return problems;
    }

    /**
     * The aliases after merging {@code alias} into {@code into}: the merged source's own aliases follow it, and merging
     * into an alias means into the source that alias stands for (no chains).
     */
    public SourceAliases merging(String alias, String into) {
        String from = LeadSources.key(alias);
        String to = resolve(into);
        Map<String, String> next = new HashMap<>();
        sourceOf.forEach((a, s) -> next.put(a, s.equals(from) ? to : s));
        next.put(from, to);
        next.remove(to);
        return new SourceAliases(next);
    }
}
