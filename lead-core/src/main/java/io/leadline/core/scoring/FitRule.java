package io.leadline.core.scoring;

import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule on who the lead is (demographic and firmographic fit). When it matches it adds its points,
 * positive or negative, and says why in words a marketer reads on the score receipt.
 * {@code field} is a {@link LeadField} key or the key of a custom attribute.
 */
public sealed interface FitRule {

    String name();

    int points();

    /** The evidence for the receipt when the rule matches the lead, empty when it does not. */
    Optional<String> evidence(LeadProfile lead);

    /** Matches when the field equals one of the values, ignoring case. */
    record OneOf(String name, String field, Set<String> values, int points) implements FitRule {
        public OneOf {
            requireNamed(name, field);
            values = values.stream().map(FitRule::fold).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field).filter(v -> values.contains(fold(v))).map(v -> label(field) + " is " + v);
        }
    }

    /** Matches when the field contains one of the fragments as a word, ignoring case ("VP" in "VP Sales"). */
    record Contains(String name, String field, List<String> fragments, int points) implements FitRule {
        public Contains {
            requireNamed(name, field);
            fragments = fragments.stream().map(FitRule::fold).toList();
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field).flatMap(v -> {
                String words = " " + fold(v).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
                return fragments.stream()
                        .filter(f -> words.contains(" " + f + " "))
                        .findFirst()
                        .map(f -> label(field) + " \"" + v + "\" contains \"" + f + "\"");
            });
        }
    }

    /** Matches when the numeric field lies in [min, max]; either bound may be absent. */
    record NumericRange(String name, String field, Long min, Long max, int points) implements FitRule {
        public NumericRange {
            requireNamed(name, field);
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("rule '" + name + "': minimum " + min + " is above maximum " + max);
            }
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field).flatMap(FitRule::parseLong)
                    .filter(n -> (min == null || n >= min) && (max == null || n <= max))
                    .map(n -> label(field) + " " + n + " is " + describeRange());
        }

        private String describeRange() {
            if (min != null && max != null) {
                return "between " + min + " and " + max;
            }
            return min != null ? "at least " + min : "at most " + max;
        }
    }

    /** Matches when the lead's email domain is one of the domains (or a subdomain of one). */
    record EmailDomain(String name, Set<String> domains, int points) implements FitRule {
        public EmailDomain {
            requireNamed(name, LeadField.EMAIL.key());
            domains = domains.stream().map(FitRule::fold).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            String domain = lead.email().domain();
            return domains.stream()
                    .filter(d -> domain.equals(d) || domain.endsWith("." + d))
                    .findFirst()
                    .map(d -> "email domain is " + domain);
        }
    }

    /** Matches when the field is unknown, e.g. a penalty for a missing company. */
    record Missing(String name, String field, int points) implements FitRule {
        public Missing {
            requireNamed(name, field);
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field).isPresent() ? Optional.empty() : Optional.of(label(field) + " is unknown");
        }
    }

    private static void requireNamed(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("rule '" + name + "' needs a field");
        }
    }

    private static String fold(String s) {
        return Objects.requireNonNull(s).strip().toLowerCase(Locale.ROOT);
    }

    private static String label(String field) {
        return LeadField.byKey(field).map(LeadField::label).orElse(field);
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
