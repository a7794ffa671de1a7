package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RescoreScopeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final List<ActivityType> TYPES = List.of(
            ActivityType.EMAIL_OPEN,
            ActivityType.EMAIL_CLICK,
            ActivityType.WEB_VISIT,
            ActivityType.PRICING_PAGE_VISIT,
            ActivityType.CONTENT_DOWNLOAD,
            ActivityType.DEMO_REQUEST,
            ActivityType.UNSUBSCRIBE,
            ActivityType.BOUNCE);
    private static final Gen<Activity> ACTIVITY = integers()
            .between(0, TYPES.size() - 1)
            .zip(
                    integers().between(0, 200 * 24),
                    (t, hoursAgo) -> Activity.of(TYPES.get(t), NOW.minus(Duration.ofHours(hoursAgo))));
    private static final List<String> TITLES = List.of("CEO", "VP Sales", "Analyst", "Intern", "Head of Marketing");

    private final ScoringModel starter = StarterModel.version1();

    private ScoringModel withEngagement(List<EngagementRule> rules) {
        return new ScoringModel(
                starter.version() + 1,
                starter.fitRules(),
                rules,
                starter.disqualifyingRules(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                starter.mqlThreshold());
    }

    @Test
    void renaming_and_reordering_rules_moves_nobody() {
        List<FitRule> fit = new ArrayList<>(starter.fitRules().stream()
                .map(r -> new FitRule(r.name() + " (renamed)", r.when(), r.points()))
                .toList());
        Collections.reverse(fit);
        List<EngagementRule> engagement = starter.engagementRules().stream()
                .map(r ->
                        new EngagementRule("New name: " + r.name(), r.type(), r.pointsEach(), r.cap(), r.withinDays()))
                .toList();
        ScoringModel renamed = new ScoringModel(
                starter.version() + 1,
                fit,
                engagement,
                starter.disqualifyingRules(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                starter.mqlThreshold());
        assertThat(RescoreScope.between(starter, renamed)).isInstanceOf(RescoreScope.Nobody.class);
    }

    @Test
    void an_engagement_weight_reads_only_the_leads_with_that_activity() {
        List<EngagementRule> rules = new ArrayList<>(starter.engagementRules());
        EngagementRule first = rules.getFirst();
        rules.set(
                0,
                new EngagementRule(
                        first.name(), first.type(), first.pointsEach() + 3, first.cap(), first.withinDays()));
        assertThat(RescoreScope.between(starter, withEngagement(rules)))
                .isEqualTo(new RescoreScope.Bounded(Set.of(), Set.of(first.type())));
    }

    @Test
    void anything_else_or_an_unknown_base_reads_everyone() {
        ScoringModel threshold = new ScoringModel(
                2,
                starter.fitRules(),
                starter.engagementRules(),
                starter.disqualifyingRules(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                MqlThreshold.atPoints(starter.mqlThreshold().points() + 5));
        List<FitRule> fit = new ArrayList<>(starter.fitRules());
        fit.set(
                0,
                new FitRule(
                        fit.getFirst().name(),
                        fit.getFirst().when(),
                        fit.getFirst().points() + 1));
        ScoringModel fitChanged = new ScoringModel(
                2,
                fit,
                starter.engagementRules(),
                starter.disqualifyingRules(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                starter.mqlThreshold());
        assertThat(RescoreScope.between(starter, threshold)).isInstanceOf(RescoreScope.Everyone.class);
        assertThat(RescoreScope.between(null, starter)).isInstanceOf(RescoreScope.Everyone.class);
        assertThat(RescoreScope.between(starter, fitChanged))
                .as("a fit weight: the leads meeting its condition")
                .isEqualTo(new RescoreScope.Bounded(Set.of(fit.getFirst().when()), Set.of()));
    }

    /**
     * The same promise for fit rules: whatever fit rules are added, removed or re-weighted, a lead that meets none of
     * the conditions the scope names scores exactly the same under both models.
     */
    @Test
    void a_lead_meeting_no_changed_condition_scores_the_same_under_both_models() {
        List<LeadCondition> conditions = List.of(
                new LeadCondition.Contains("job_title", List.of("vp", "head")),
                new LeadCondition.NumericRange("company_size", 100L, 1000L),
                new LeadCondition.OneOf("country", Set.of("BR")),
                new LeadCondition.Missing("company"),
                new LeadCondition.OneOf("industry", Set.of("retail")),
                new LeadCondition.EmailDomain(Set.of("gmail.com")));
        Gen<FitRule> rule = integers()
                .between(0, conditions.size() - 1)
                .zip(integers().between(-20, 30), (c, points) -> new FitRule("rule " + c, conditions.get(c), points));
        AtomicInteger compared = new AtomicInteger();
        qt().withExamples(400)
                .forAll(
                        lists().of(rule).ofSizeBetween(0, 3),
                        integers().between(0, 1),
                        integers().between(0, TITLES.size() - 1),
                        integers().between(1, 5000))
                .check((added, dropFirst, title, size) -> {
                    List<FitRule> fit = new ArrayList<>(starter.fitRules());
                    if (dropFirst == 1) {
                        fit.removeFirst();
                    }
                    fit.addAll(added);
                    ScoringModel after = new ScoringModel(
                            2,
                            fit,
                            starter.engagementRules(),
                            starter.disqualifyingRules(),
                            starter.caps(),
                            starter.decay(),
                            starter.gradeBands(),
                            starter.mqlThreshold());
                    LeadProfile lead = new LeadProfile(
                            "Ana",
                            new EmailAddress(size % 2 == 0 ? "ana@gmail.com" : "ana@acme.com"),
                            size % 3 == 0 ? null : "Acme",
                            TITLES.get(title),
                            size,
                            size % 5 == 0 ? "BR" : "PT",
                            "webinar",
                            size % 7 == 0 ? Map.of("industry", "Retail") : Map.of());
                    boolean outside = switch (RescoreScope.between(starter, after)) {
                        case RescoreScope.Nobody n -> true;
                        case RescoreScope.Everyone e -> false;
                        case RescoreScope.Bounded b -> !b.meetsACondition(lead);
                    };
                    if (!outside) {
                        return true;
                    }
                    compared.incrementAndGet();
                    Score was = starter.score(lead, List.of(), NOW);
                    Score is = after.score(lead, List.of(), NOW);
                    return was.total() == is.total() && was.fitPoints() == is.fitPoints() && was.grade() == is.grade();
                });
        assertThat(compared.get()).as("leads outside the scope compared").isGreaterThan(50);
    }

    /**
     * The promise the bounded rescoring rests on: whatever engagement rules change (weights, caps, windows, rules
     * added or removed), a lead with no activity of a type the scope names scores exactly the same under both models.
     */
    @Test
    void a_lead_outside_the_scope_scores_the_same_under_both_models() {
        Gen<EngagementRule> rule = integers()
                .between(0, TYPES.size() - 1)
                .zip(
                        integers().between(-20, 30),
                        integers().between(0, 3),
                        (t, points, shape) -> new EngagementRule(
                                "rule " + t, TYPES.get(t), points, shape == 1 ? 25 : null, shape == 2 ? 30 : null));
        AtomicInteger compared = new AtomicInteger();
        qt().withExamples(400)
                .forAll(
                        lists().of(rule).ofSizeBetween(0, 3),
                        lists().of(ACTIVITY).ofSizeBetween(0, 10),
                        integers().between(0, TITLES.size() - 1),
                        integers().between(1, 5000))
                .check((rules, activities, title, size) -> {
                    // The starter's engagement rules, those of the generated rules' types replaced by them.
                    List<EngagementRule> changed = new ArrayList<>(starter.engagementRules().stream()
                            .filter(r -> rules.stream().noneMatch(g -> g.type().equals(r.type())))
                            .toList());
                    changed.addAll(rules);
                    ScoringModel after = withEngagement(changed);
                    RescoreScope scope = RescoreScope.between(starter, after);
                    boolean outside = switch (scope) {
                        case RescoreScope.Nobody n -> true;
                        case RescoreScope.Everyone e -> false;
                        case RescoreScope.Bounded w ->
                            activities.stream().noneMatch(a -> w.types().contains(a.type()));
                    };
                    if (!outside) {
                        return true;
                    }
                    LeadProfile lead = new LeadProfile(
                            "Ana",
                            new EmailAddress("ana@acme.com"),
                            "Acme",
                            TITLES.get(title),
                            size,
                            "BR",
                            "webinar",
                            Map.of());
                    compared.incrementAndGet();
                    Score was = starter.score(lead, activities, NOW);
                    Score is = after.score(lead, activities, NOW);
                    return was.total() == is.total()
                            && was.fitPoints() == is.fitPoints()
                            && was.engagementPoints() == is.engagementPoints()
                            && was.grade() == is.grade()
                            && was.reachesMql() == is.reachesMql();
                });
        assertThat(compared.get()).as("leads outside the scope compared").isGreaterThan(50);
    }
}
