package io.leadline.core.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.qualification.Disqualification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One immutable version of the rules that turn what we know about a lead, and what it did, into a score.
 * Scoring is a pure function: the same lead, activities, model and {@code now} always give the same score,
 * whatever order the activities come in.
 */
public record ScoringModel(
        int version,
        List<FitRule> fitRules,
        List<EngagementRule> engagementRules,
        List<DisqualifyingRule> disqualifyingRules,
        ScoreCaps caps,
        Decay decay,
        GradeBands gradeBands,
        MqlThreshold mqlThreshold) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    public ScoringModel {
        if (version < 1) {
            throw new IllegalArgumentException("model versions start at 1");
        }
        fitRules = List.copyOf(fitRules);
        engagementRules = List.copyOf(engagementRules);
        disqualifyingRules = List.copyOf(disqualifyingRules);
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(gradeBands, "gradeBands");
        Objects.requireNonNull(mqlThreshold, "mqlThreshold");
    }

    /** A model with fit rules only: no engagement, no caps, no decay. */
    public static ScoringModel fitOnly(int version, List<FitRule> fitRules, GradeBands bands, int mqlThreshold) {
        return new ScoringModel(
                version,
                fitRules,
                List.of(),
                List.of(),
                ScoreCaps.NONE,
                new Decay.None(),
                bands,
                MqlThreshold.atPoints(mqlThreshold));
    }

    /** Scores what we know of the lead, before any activity. */
    public Score score(LeadProfile lead) {
        return score(lead, List.of(), Instant.EPOCH);
    }

    public Score score(LeadProfile lead, Collection<Activity> activities, Instant now) {
        List<ReceiptLine> receipt = new ArrayList<>();
        int fit = 0;
        for (FitRule rule : fitRules) {
            var evidence = rule.when().evidence(lead);
            if (evidence.isPresent()) {
                receipt.add(ReceiptLine.fit(rule.name(), evidence.get(), rule.points()));
                fit += rule.points();
            }
        }
        fit += capGroup("Fit cap", fit, caps.fit(), receipt);

        Map<ActivityType, List<Activity>> byType = activities.isEmpty() ? Map.of() : new HashMap<>();
        for (Activity activity : activities) {
            byType.computeIfAbsent(activity.type(), t -> new ArrayList<>()).add(activity);
        }
        int engagement = 0;
        for (EngagementRule rule : engagementRules) {
            List<Activity> ofType = byType.getOrDefault(rule.type(), List.of());
            ReceiptLine line = engagementLine(
                    rule,
                    rule.pages() == null
                            ? ofType
                            : ofType.stream().filter(rule::counts).toList(),
                    now);
            if (line != null) {
                receipt.add(line);
                engagement += line.points();
            }
        }
        engagement += capGroup("Engagement cap", engagement, caps.engagement(), receipt);

        int total = fit + engagement;
        total += capGroup("Total cap", total, caps.total(), receipt);

        Disqualification disqualification = null;
        for (DisqualifyingRule rule : disqualifyingRules) {
            var evidence = rule.when().evidence(lead);
            if (evidence.isPresent()) {
                disqualification = new Disqualification(rule.reason(), rule.name() + ": " + evidence.get());
                break;
            }
        }
        return new Score(
                version, fit, engagement, total, gradeBands.grade(fit), mqlThreshold, disqualification, receipt);
    }

    private ReceiptLine engagementLine(EngagementRule rule, List<Activity> ofType, Instant now) {
        if (ofType.isEmpty()) {
            return null;
        }
        double[] ages = ofType.stream()
                .filter(a -> !a.at().isAfter(now))
                .mapToDouble(a -> Duration.between(a.at(), now).toSeconds() / SECONDS_PER_DAY)
                .filter(age -> rule.withinDays() == null || age <= rule.withinDays())
                .sorted()
                .toArray();
        if (ages.length == 0) {
            return null;
        }
        int raw = ages.length * rule.pointsEach();
        int afterDecay = raw;
        if (rule.pointsEach() > 0) {
            double kept = 0;
            for (double age : ages) {
                kept += rule.pointsEach() * decay.factor(age);
            }
            afterDecay = (int) Math.round(kept);
        }
        int points = rule.cap() == null || Math.abs(afterDecay) <= rule.cap()
                ? afterDecay
                : Integer.signum(afterDecay) * rule.cap();
        String evidence =
                rule.type().count(ages.length) + (rule.pages() == null ? "" : " of pages matching " + rule.pages())
                        + (rule.withinDays() == null ? "" : " in the last " + rule.withinDays() + " days")
                        + ", the latest on "
                        + LocalDate.ofInstant(now.minusSeconds(Math.round(ages[0] * SECONDS_PER_DAY)), ZoneOffset.UTC);
        return new ReceiptLine(ReceiptLine.Group.ENGAGEMENT, rule.name(), evidence, raw, afterDecay, points);
    }

    /** Adds a receipt line taking the group down to its cap, and answers the (zero or negative) adjustment. */
    private static int capGroup(String name, int points, Integer cap, List<ReceiptLine> receipt) {
        if (cap == null || points <= cap) {
            return 0;
        }
        int adjustment = cap - points;
        receipt.add(
                new ReceiptLine(ReceiptLine.Group.CAP, name, points + " points capped at " + cap, 0, 0, adjustment));
        return adjustment;
    }

    /**
     * The activity types whose page (the activity's detail) a rule reads ("pages matching …"): callers that load
     * activities in bulk load the detail of these types only.
     */
    public Set<String> typesReadByPage() {
        return engagementRules.stream()
                .filter(r -> r.pages() != null)
                .map(r -> r.type().key())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The custom attributes the model's rules read, for callers that load only what matters. */
    public Set<String> customAttributes() {
        Set<String> keys = new TreeSet<>();
        fitRules.forEach(r -> keys.add(r.when().field()));
        disqualifyingRules.forEach(r -> keys.add(r.when().field()));
        keys.removeIf(k -> LeadField.byKey(k).isPresent());
        return keys;
    }

    /** The activity types the model scores, for callers that load only what matters. */
    public List<ActivityType> scoredActivityTypes() {
        return engagementRules.stream().map(EngagementRule::type).distinct().toList();
    }
}
