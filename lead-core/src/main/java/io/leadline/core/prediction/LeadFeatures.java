package io.leadline.core.prediction;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.LeadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the predictive model may learn from: the fit attributes (source, job title, country, a company-size band),
 * every custom attribute, and engagement — how many activities of each type and how many days since the last one.
 */
public final class LeadFeatures {

    public static final String DAYS_SINCE_ACTIVITY = "days since last activity";

    private LeadFeatures() {}

    public static Example of(LeadProfile profile, List<Activity> activities, Instant now, boolean won) {
        Map<String, String> categorical = new HashMap<>();
        put(categorical, "source", profile.source());
        put(categorical, "job title", profile.jobTitle());
        put(categorical, "country", profile.country());
        put(categorical, "company size", sizeBand(profile.companySize()));
        profile.attributes().forEach((key, value) -> put(categorical, key, value));
        Map<String, Double> numeric = new HashMap<>();
        Instant last = null;
        for (Activity activity : activities) {
            if (activity.at().isAfter(now)) {
                continue;
            }
            numeric.merge(activity.type().label() + "s", 1.0, Double::sum);
            last = last == null || activity.at().isAfter(last) ? activity.at() : last;
        }
        if (last != null) {
            numeric.put(
                    DAYS_SINCE_ACTIVITY, (double) Duration.between(last, now).toDays());
        }
        return new Example(categorical, numeric, won);
    }

    private static void put(Map<String, String> fields, String key, String value) {
        String normalised = FieldValues.normalise(value);
        if (normalised != null) {
            fields.put(key, normalised);
        }
    }

    static String sizeBand(Integer size) {
        if (size == null) {
            return null;
        }
        return size <= 10
                ? "1-10"
                : size <= 50 ? "11-50" : size <= 200 ? "51-200" : size <= 1000 ? "201-1000" : "1001+";
    }
}
