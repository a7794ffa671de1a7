package io.leadline.bench;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.scoring.Decay;
import io.leadline.core.scoring.DisqualifyingRule;
import io.leadline.core.scoring.EngagementRule;
import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.GradeBands;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoreCaps;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.qualification.DisqualificationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring one lead with a 50-rule model (30 fit, 18 engagement, 2 disqualifying) and N activities
 * (seeded, spread over the last 400 days). Issue 4 asks for 1,000 activities; 0 and 20 are the common cases.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Param({"0", "20", "1000"})
    int activities;

    ScoringModel model;
    LeadProfile lead;
    List<Activity> history;

    @Setup
    public void setUp() {
        model = fiftyRuleModel();
        lead = new LeadProfile("Ana Souza", new EmailAddress("ana.souza@acme-industries.com"), "Acme Industries",
                "VP of Engineering", 1800, "BR", "paid_search", Map.of("industry", "manufacturing", "segment", "enterprise"));
        Random random = new Random(42);
        List<ActivityType> types = model.scoredActivityTypes();
        history = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            history.add(Activity.of(types.get(random.nextInt(types.size())),
                    NOW.minus(Duration.ofMinutes(random.nextInt(400 * 24 * 60)))));
        }
    }

    @Benchmark
    public Score scoreOneLead() {
        return model.score(lead, history, NOW);
    }

    static ScoringModel fiftyRuleModel() {
        List<FitRule> fit = new ArrayList<>();
        String[][] titles = {{"ceo", "founder"}, {"cto"}, {"cfo"}, {"vp"}, {"director"}, {"head"}, {"manager"}, {"lead"},
                {"engineer"}, {"analyst"}, {"student"}, {"intern"}};
        for (int i = 0; i < titles.length; i++) {
            fit.add(new FitRule("Title " + i, new LeadCondition.Contains("job_title", List.of(titles[i])), 30 - i * 4));
        }
        long[][] sizes = {{1, 9}, {10, 49}, {50, 199}, {200, 999}, {1000, 4999}, {5000, 1_000_000}};
        for (int i = 0; i < sizes.length; i++) {
            fit.add(new FitRule("Size " + i, new LeadCondition.NumericRange("company_size", sizes[i][0], sizes[i][1]), i * 5));
        }
        for (String industry : List.of("manufacturing", "retail", "software", "finance", "health")) {
            fit.add(new FitRule("Industry " + industry, new LeadCondition.OneOf("industry", Set.of(industry)), 10));
        }
        for (String country : List.of("BR", "US", "DE", "GB")) {
            fit.add(new FitRule("Country " + country, new LeadCondition.OneOf("country", Set.of(country)), 5));
        }
        fit.add(new FitRule("Paid search", new LeadCondition.OneOf("source", Set.of("paid_search")), 10));
        fit.add(new FitRule("Free mail", new LeadCondition.EmailDomain(Set.of("gmail.com", "yahoo.com", "hotmail.com")), -15));
        fit.add(new FitRule("No company", new LeadCondition.Missing("company"), -5));
        List<EngagementRule> engagement = new ArrayList<>();
        String[] kinds = {"email_open", "email_click", "web_visit", "pricing_page_visit", "content_download",
                "webinar_attended", "form_submission", "demo_request", "unsubscribe", "bounce", "trade_show", "chat",
                "call", "meeting", "free_trial", "case_study_view", "video_view", "event_signup"};
        for (int i = 0; i < kinds.length; i++) {
            int points = kinds[i].equals("unsubscribe") || kinds[i].equals("bounce") ? -10 : 1 + i;
            engagement.add(new EngagementRule(kinds[i], new ActivityType(kinds[i]), points, 40, i % 3 == 0 ? 90 : null));
        }
        List<DisqualifyingRule> disqualifying = List.of(
                new DisqualifyingRule("Competitor", new LeadCondition.EmailDomain(Set.of("rival.com", "othercrm.io")), DisqualificationReason.COMPETITOR),
                new DisqualifyingRule("Placeholder", new LeadCondition.Matches("full_name", "^(test|asdf)\\b"), DisqualificationReason.INVALID_CONTACT));
        return new ScoringModel(1, fit, engagement, disqualifying, new ScoreCaps(80, 100, 150), new Decay.HalfLife(30),
                new GradeBands(50, 30, 10), new MqlThreshold(40, FitGrade.D));
    }
}
