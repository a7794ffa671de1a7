package io.leadline.core.scoring;

import static io.leadline.core.activity.ActivityType.BOUNCE;
import static io.leadline.core.activity.ActivityType.CONTENT_DOWNLOAD;
import static io.leadline.core.activity.ActivityType.DEMO_REQUEST;
import static io.leadline.core.activity.ActivityType.EMAIL_CLICK;
import static io.leadline.core.activity.ActivityType.EMAIL_OPEN;
import static io.leadline.core.activity.ActivityType.FORM_SUBMISSION;
import static io.leadline.core.activity.ActivityType.PRICING_PAGE_VISIT;
import static io.leadline.core.activity.ActivityType.UNSUBSCRIBE;
import static io.leadline.core.activity.ActivityType.WEBINAR_ATTENDED;
import static io.leadline.core.activity.ActivityType.WEB_VISIT;

import io.leadline.core.lead.LeadField;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.scoring.LeadCondition.Contains;
import io.leadline.core.scoring.LeadCondition.EmailDomain;
import io.leadline.core.scoring.LeadCondition.Matches;
import io.leadline.core.scoring.LeadCondition.Missing;
import io.leadline.core.scoring.LeadCondition.NumericRange;
import io.leadline.core.scoring.LeadCondition.OneOf;
import java.util.List;
import java.util.Set;

/**
 * The model a fresh installation scores with until an admin saves their own: title seniority, company
 * size and traffic source for fit; opens, clicks, visits, downloads and demo requests for engagement, fading
 * with a 30-day half-life; penalties for students, free-mail addresses and unsubscribes; an MQL at 40 points.
 */
public final class StarterModel {

    public static final int MQL_THRESHOLD = 40;

    /** Free-mail providers: a personal address says little about a company. */
    public static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "aol.com",
            "icloud.com",
            "gmx.com",
            "mail.com",
            "proton.me",
            "protonmail.com",
            "yandex.com",
            "live.com",
            "bol.com.br",
            "uol.com.br");

    private StarterModel() {}

    public static ScoringModel version1() {
        String title = LeadField.JOB_TITLE.key();
        String size = LeadField.COMPANY_SIZE.key();
        String source = LeadField.SOURCE.key();
        List<FitRule> fit = List.of(
                new FitRule(
                        "Executive title",
                        new Contains(
                                title,
                                List.of("ceo", "cto", "cfo", "coo", "cmo", "chief", "founder", "owner", "president")),
                        30),
                new FitRule(
                        "VP or director title",
                        new Contains(title, List.of("vp", "vice president", "director", "head")),
                        25),
                new FitRule("Manager title", new Contains(title, List.of("manager", "lead")), 10),
                new FitRule(
                        "Student or job seeker",
                        new Contains(title, List.of("student", "intern", "job seeker", "unemployed")),
                        -30),
                new FitRule("Enterprise company", new NumericRange(size, 1000L, null), 25),
                new FitRule("Mid-market company", new NumericRange(size, 100L, 999L), 15),
                new FitRule("Small business", new NumericRange(size, 10L, 99L), 5),
                new FitRule(
                        "High-intent source",
                        new OneOf(source, Set.of("paid_search", "organic_search", "referral")),
                        10),
                new FitRule("Direct traffic", new OneOf(source, Set.of("direct_traffic")), 5),
                new FitRule("Free-mail address", new EmailDomain(FREE_MAIL), -15),
                new FitRule("Company unknown", new Missing(LeadField.COMPANY.key()), -5));
        List<EngagementRule> engagement = List.of(
                EngagementRule.of("Email opens", EMAIL_OPEN, 1).cappedAt(10),
                EngagementRule.of("Email clicks", EMAIL_CLICK, 3).cappedAt(15),
                EngagementRule.of("Website visits", WEB_VISIT, 2).cappedAt(10),
                EngagementRule.of("Pricing-page visits", PRICING_PAGE_VISIT, 10).cappedAt(30),
                EngagementRule.of("Content downloads", CONTENT_DOWNLOAD, 8).cappedAt(24),
                EngagementRule.of("Webinars attended", WEBINAR_ATTENDED, 10).cappedAt(20),
                EngagementRule.of("Form submissions", FORM_SUBMISSION, 5).cappedAt(15),
                EngagementRule.of("Demo requests", DEMO_REQUEST, 30).cappedAt(30),
                EngagementRule.of("Unsubscribed", UNSUBSCRIBE, -20).cappedAt(20),
                EngagementRule.of("Email bounced", BOUNCE, -10).cappedAt(10));
        List<DisqualifyingRule> disqualifying = List.of(
                new DisqualifyingRule(
                        "Placeholder name",
                        new Matches(LeadField.FULL_NAME.key(), "^(test|asdf|xxx+|aaa+|qwerty)\\b"),
                        DisqualificationReason.INVALID_CONTACT),
                // Empty until an admin lists the domains in the model editor.
                new DisqualifyingRule("Competitor", new EmailDomain(Set.of()), DisqualificationReason.COMPETITOR),
                new DisqualifyingRule("Vendor or partner", new EmailDomain(Set.of()), DisqualificationReason.VENDOR));
        return new ScoringModel(
                1,
                fit,
                engagement,
                disqualifying,
                new ScoreCaps(null, 100, null),
                new Decay.HalfLife(30),
                new GradeBands(50, 30, 10),
                new MqlThreshold(MQL_THRESHOLD, FitGrade.D));
    }
}
