package io.leadline.core.lead;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The profile fields every lead has. Scoring rules name a field by its {@link #key()}; any other key
 * refers to a custom attribute (for example a column an import brought that we did not foresee).
 */
public enum LeadField {
    FULL_NAME("full_name", "Name"),
    EMAIL("email", "Email"),
    COMPANY("company", "Company"),
    JOB_TITLE("job_title", "Job title"),
    COMPANY_SIZE("company_size", "Company size"),
    COUNTRY("country", "Country"),
    SOURCE("source", "Source");

    private final String key;
    private final String label;

    LeadField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    private static final Map<String, LeadField> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LeadField::key, f -> f));

    public static Optional<LeadField> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        LeadField exact = BY_KEY.get(key);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(BY_KEY.get(FieldKey.of(key)));
    }
}
