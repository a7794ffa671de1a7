package io.leadline.core.scoring;

import io.leadline.core.lead.LeadField;
import java.util.List;
import java.util.Set;

/**
 * The model a fresh installation scores with until an admin saves their own: title seniority, company
 * size and traffic source, with an MQL threshold of 40.
 */
public final class StarterModel {

    public static final int MQL_THRESHOLD = 40;

    private StarterModel() {
    }

    public static ScoringModel version1() {
        String title = LeadField.JOB_TITLE.key();
        String size = LeadField.COMPANY_SIZE.key();
        String source = LeadField.SOURCE.key();
        return new ScoringModel(1, List.of(
                new FitRule.Contains("Executive title", title,
                        List.of("ceo", "cto", "cfo", "coo", "cmo", "chief", "founder", "owner", "president"), 30),
                new FitRule.Contains("VP or director title", title, List.of("vp", "vice president", "director", "head"), 25),
                new FitRule.Contains("Manager title", title, List.of("manager", "lead"), 10),
                new FitRule.Contains("Student or job seeker", title,
                        List.of("student", "intern", "job seeker", "unemployed"), -30),
                new FitRule.NumericRange("Enterprise company", size, 1000L, null, 25),
                new FitRule.NumericRange("Mid-market company", size, 100L, 999L, 15),
                new FitRule.NumericRange("Small business", size, 10L, 99L, 5),
                new FitRule.OneOf("High-intent source", source, Set.of("paid_search", "organic_search", "referral"), 10),
                new FitRule.OneOf("Direct traffic", source, Set.of("direct_traffic"), 5),
                new FitRule.EmailDomain("Free-mail address", Set.of("gmail.com", "yahoo.com", "hotmail.com",
                        "outlook.com", "aol.com", "icloud.com", "gmx.com", "mail.com"), -15),
                new FitRule.Missing("Company unknown", LeadField.COMPANY.key(), -5)),
                new GradeBands(50, 30, 10), MQL_THRESHOLD);
    }
}
