package io.leadline.core.lead;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What we know about the person behind a lead. Text fields are stripped, blanks become absent values;
 * {@code attributes} holds custom fields by key. The email may be unknown (an import keyed by an external
 * id, an anonymous visitor); {@link Lead} makes sure a lead has an email or an external id.
 */
public record LeadProfile(
        String fullName,
        EmailAddress email,
        String company,
        String jobTitle,
        Integer companySize,
        String country,
        String source,
        Map<String, String> attributes) {

    public LeadProfile {
        fullName = blankToNull(fullName);
        company = blankToNull(company);
        jobTitle = blankToNull(jobTitle);
        country = blankToNull(country);
        source = blankToNull(source);
        if (companySize != null && companySize < 0) {
            throw new IllegalArgumentException("company size cannot be negative");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }

    /** This profile with its unknown fields taken from {@code other}; what is known already stays. */
    public LeadProfile fillBlanksFrom(LeadProfile other) {
        java.util.Map<String, String> merged = new java.util.TreeMap<>(other.attributes);
        merged.putAll(attributes);
        return new LeadProfile(fullName != null ? fullName : other.fullName, email != null ? email : other.email,
                company != null ? company : other.company, jobTitle != null ? jobTitle : other.jobTitle,
                companySize != null ? companySize : other.companySize, country != null ? country : other.country,
                source != null ? source : other.source, merged);
    }

    /** The value of a standard field or custom attribute, absent when unknown or blank. */
    public Optional<String> value(String fieldKey) {
        Optional<LeadField> field = LeadField.byKey(fieldKey);
        return field.isPresent() ? value(field.get()) : Optional.ofNullable(blankToNull(attributes.get(fieldKey)));
    }

    public Optional<String> value(LeadField field) {
        return Optional.ofNullable(switch (field) {
            case FULL_NAME -> fullName;
            case EMAIL -> email == null ? null : email.value();
            case COMPANY -> company;
            case JOB_TITLE -> jobTitle;
            case COMPANY_SIZE -> companySize == null ? null : companySize.toString();
            case COUNTRY -> country;
            case SOURCE -> source;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
