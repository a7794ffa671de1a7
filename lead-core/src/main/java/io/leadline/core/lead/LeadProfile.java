package io.leadline.core.lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What we know about the person behind a lead. Text fields are stripped, blanks become absent values;
 * {@code attributes} holds custom fields by their {@link FieldKey} (two spellings of one name keep the first value
 * given), and the source is folded ({@link LeadSources#key}) so {@code Organic Search} and {@code organic_search}
 * are one source. A stored {@link Placeholders placeholder} reads as unknown. The email may be unknown (an import keyed by an external
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
        source = source == null || source.isBlank() ? null : LeadSources.key(source);
        if (companySize != null && companySize < 0) {
            throw new IllegalArgumentException("company size cannot be negative");
        }
        attributes = attributes == null || attributes.isEmpty() ? Map.of() : keyed(attributes);
    }

    /** The attributes under their keys; where two names share a key, the first with a value wins. */
    private static Map<String, String> keyed(Map<String, String> attributes) {
        Map<String, String> keyed = new TreeMap<>();
        attributes.forEach((name, value) -> {
            String key = FieldKey.require(name);
            String known = keyed.get(key);
            if (known == null || known.isBlank() && value != null && !value.isBlank()) {
                keyed.put(key, value == null ? "" : value);
            }
        });
        return Map.copyOf(keyed);
    }

    /** This profile with its unknown fields taken from {@code other}; what is known already stays. */
    /** The fields that differ in {@code after}, by name ("job_title", a custom field's key), for the audit log. */
    public List<String> changedIn(LeadProfile after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "full_name", fullName, after.fullName);
        compare(changed, "email", email, after.email);
        compare(changed, "company", company, after.company);
        compare(changed, "job_title", jobTitle, after.jobTitle);
        compare(changed, "company_size", companySize, after.companySize);
        compare(changed, "country", country, after.country);
        compare(changed, "source", source, after.source);
        Set<String> keys = new TreeMap<>(attributes).keySet();
        Set<String> all = new TreeSet<>(keys);
        all.addAll(after.attributes.keySet());
        for (String key : all) {
            compare(changed, key, attributes.get(key), after.attributes.get(key));
        }
        return changed;
    }

    private static void compare(List<String> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }

    public LeadProfile fillBlanksFrom(LeadProfile other) {
        Map<String, String> merged = new TreeMap<>(other.attributes);
        merged.putAll(attributes);
        return new LeadProfile(
                fullName != null ? fullName : other.fullName,
                email != null ? email : other.email,
                company != null ? company : other.company,
                jobTitle != null ? jobTitle : other.jobTitle,
                companySize != null ? companySize : other.companySize,
                country != null ? country : other.country,
                source != null ? source : other.source,
                merged);
    }

    /** The country for people: "Brazil (BR)"; the stored value itself when it is no ISO code; empty when unknown. */
    public String countryName() {
        if (country == null) {
            return "";
        }
        if (country.length() == 2 && Arrays.asList(Locale.getISOCountries()).contains(country)) {
            return Locale.of("", country).getDisplayCountry(Locale.ENGLISH) + " (" + country + ")";
        }
        return country;
    }

    /**
     * The value of a standard field or custom attribute named in any spelling of its key, absent when unknown, blank
     * or a placeholder.
     */
    public Optional<String> value(String fieldName) {
        Optional<LeadField> field = LeadField.byKey(fieldName);
        return field.isPresent() ? value(field.get()) : known(blankToNull(attributes.get(FieldKey.of(fieldName))));
    }

    public Optional<String> value(LeadField field) {
        return known(
                switch (field) {
                    case FULL_NAME -> fullName;
                    case EMAIL -> email == null ? null : email.value();
                    case COMPANY -> company;
                    case JOB_TITLE -> jobTitle;
                    case COMPANY_SIZE -> companySize == null ? null : companySize.toString();
                    case COUNTRY -> country;
                    case SOURCE -> source;
                });
    }

    private static Optional<String> known(String value) {
        return value == null || Placeholders.is(value) ? Optional.empty() : Optional.of(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
