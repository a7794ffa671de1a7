package io.leadline.core.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is missing for MQL: the fewest steps that would take the lead over the threshold. A step is either
 * learning an unknown fact (a fit rule on a field we do not know yet: facts we know are not ours to change)
 * or one more activity an engagement rule still has room for.
 *
 * @param pointsNeeded how many points the lead lacks (0 when it is an MQL already)
 * @param steps        the steps, biggest first; empty when nothing is missing or nothing would be enough
 * @param reachable    whether the steps are enough (false for a disqualified lead, or when the rules run out)
 */
public record MqlGap(int pointsNeeded, List<Step> steps, boolean reachable) {

    /** One rule to meet, how many times, and the points it would add. */
    public record Step(String rule, String action, int times, int points) {}

    public static MqlGap of(ScoringModel model, LeadProfile lead, Collection<Activity> activities, Instant now) {
        Score score = model.score(lead, activities, now);
        if (score.reachesMql()) {
            return new MqlGap(0, List.of(), true);
        }
        if (score.disqualified().isPresent()) {
            return new MqlGap(Math.max(0, score.mqlThreshold() - score.total()), List.of(), false);
        }
        int needed = Math.max(0, score.mqlThreshold() - score.total());
        List<Option> options = new ArrayList<>();

        // Unknown facts: the best positive rule per unknown field.
        Map<String, FitRule> bestPerField = new LinkedHashMap<>();
        for (FitRule rule : model.fitRules()) {
            String field = rule.when().field();
            boolean unknown = lead.value(field).isEmpty() && !(rule.when() instanceof LeadCondition.Missing);
            if (unknown
                    && rule.points() > 0
                    && (!bestPerField.containsKey(field)
                            || bestPerField.get(field).points() < rule.points())) {
                bestPerField.put(field, rule);
            }
        }
        Integer fitRoom =
                model.caps().fit() == null ? null : Math.max(0, model.caps().fit() - score.fitPoints());
        for (FitRule rule : bestPerField.values()) {
            int points = fitRoom == null ? rule.points() : Math.min(rule.points(), fitRoom);
            if (points > 0) {
                String label = LeadField.byKey(rule.when().field())
                        .map(LeadField::label)
                        .orElse(rule.when().field());
                options.add(new Option(rule.name(), "learn the " + label.toLowerCase(), points, 1));
            }
        }

        // More activity: one step per further occurrence, while the rule's cap has room.
        Map<String, Integer> current = new LinkedHashMap<>();
        score.receipt().stream()
                .filter(l -> l.group() == ReceiptLine.Group.ENGAGEMENT)
                .forEach(l -> current.put(l.rule(), l.points()));
        int engagementRoom = model.caps().engagement() == null
                ? Integer.MAX_VALUE
                : Math.max(0, model.caps().engagement() - score.engagementPoints());
        for (EngagementRule rule : model.engagementRules()) {
            if (rule.pointsEach() <= 0) {
                continue;
            }
            int room = rule.cap() == null ? Integer.MAX_VALUE : rule.cap() - current.getOrDefault(rule.name(), 0);
            int times = 0;
            while (room >= rule.pointsEach() && times * rule.pointsEach() < needed) {
                times++;
                room -= rule.pointsEach();
            }
            if (times > 0) {
                options.add(new Option(
                        rule.name(),
                        "one more " + rule.type().label()
                                + (rule.pages() == null ? "" : " of a page matching " + rule.pages()),
                        rule.pointsEach(),
                        times));
            }
        }

        // Greedy by points per step: the fewest steps that cover the gap.
        options.sort(Comparator.comparingInt(Option::pointsEach).reversed().thenComparing(Option::rule));
        Map<String, Step> chosen = new LinkedHashMap<>();
        int covered = 0;
        int engagementUsed = 0;
        for (Option option : options) {
            boolean engagement = option.action().startsWith("one more");
            for (int i = 0; i < option.times() && covered < needed; i++) {
                int points = engagement
                        ? Math.min(option.pointsEach(), engagementRoom - engagementUsed)
                        : option.pointsEach();
                if (points <= 0) {
                    break;
                }
                covered += points;
                if (engagement) {
                    engagementUsed += points;
                }
                chosen.merge(
                        option.rule(),
                        new Step(option.rule(), option.action(), 1, points),
                        (a, b) -> new Step(a.rule(), a.action(), a.times() + 1, a.points() + b.points()));
            }
        }
        boolean reachable = covered >= needed;
        return new MqlGap(needed, reachable ? List.copyOf(chosen.values()) : List.of(), reachable);
    }

    private record Option(String rule, String action, int pointsEach, int times) {}
}
