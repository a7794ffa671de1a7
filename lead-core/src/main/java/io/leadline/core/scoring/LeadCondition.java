package io.leadline.core.scoring;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A test on who the lead is (demographic and firmographic facts), used by fit rules and disqualifying
 * rules. When it holds it says why, in words a marketer reads on the score receipt.
 * {@code field} is a {@link LeadField} key or the {@link FieldKey} of a custom attribute: a condition made with any
 * spelling of a field's name ({@code Lead Quality}) keeps its key ({@code lead_quality}), the one the lead's
 * attributes are stored under.
 */
public sealed interface LeadCondition {

    /** The evidence for the receipt when the condition holds for the lead, empty when it does not. */
    Optional<String> evidence(LeadProfile lead);

    /** The field the condition reads: what a marketer would have to learn to know whether it holds. */
    String field();

    /** The condition in words ("source is one of organic_search, referral"), see {@link ConditionText}. */
    default String describe() {
        return ConditionText.describe(this);
    }

    /**
     * Matches when the field equals one of the values, ignoring case and how words are joined
     * ({@code Organic Search} is {@code organic_search}, see {@link FieldKey#foldValue}).
     */
    record OneOf(String field, Set<String> values) implements LeadCondition {
        public OneOf {
            field = key(field);
            values = values.stream().map(FieldKey::foldValue).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field)
                    .filter(v -> values.contains(FieldKey.foldValue(v)))
                    .map(v -> label(field) + " is " + v);
        }
    }

    /** Matches when the field contains one of the fragments as a word, ignoring case ("VP" in "VP Sales"). */
    record Contains(String field, List<String> fragments) implements LeadCondition {
        public Contains {
            field = key(field);
            fragments = fragments.stream().map(LeadCondition::fold).toList();
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            String v = lead.value(field).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
            String words = words(v);
            for (String f : fragments) {
                if (containsWord(words, f)) {
                    return Optional.of(label(field) + " \"" + v + "\" contains \"" + f + "\"");
                }
            }
            return Optional.empty();
        }
    }

    /** Matches when the numeric field lies in [min, max]; either bound may be absent. */
    record NumericRange(String field, Long min, Long max) implements LeadCondition {
        public NumericRange {
            field = key(field);
            if (min == null && max == null) {
                throw new IllegalArgumentException("a range on " + field + " needs a minimum, a maximum or both");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException(
                        "the range on " + field + " has its minimum " + min + " above its maximum " + max);
            }
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field)
                    .flatMap(LeadCondition::parseLong)
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
    record EmailDomain(Set<String> domains) implements LeadCondition {
        public EmailDomain {
            domains = domains.stream().map(LeadCondition::fold).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            if (lead.email() == null) {
                return Optional.empty();
            }
            String domain = lead.email().domain();
            for (String d : domains) {
                if (domain.equals(d) || domain.endsWith(d) && domain.charAt(domain.length() - d.length() - 1) == '.') {
                    return Optional.of("email domain is " + domain);
                }
            }
            return Optional.empty();
        }

        @Override
        public String field() {
            return LeadField.EMAIL.key();
        }
    }

    /** Matches when the field is unknown, e.g. a penalty for a missing company. */
    record Missing(String field) implements LeadCondition {
        public Missing {
            field = key(field);
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            return lead.value(field).isPresent() ? Optional.empty() : Optional.of(label(field) + " is unknown");
        }
    }

    /** Holds when the field matches the regular expression, e.g. placeholder names like "test" or "asdf". */
    record Matches(String field, String regex) implements LeadCondition {
        public Matches {
            field = key(field);
            Pattern.compile(regex);
        }

        @Override
        public Optional<String> evidence(LeadProfile lead) {
            Pattern pattern = CompiledPatterns.of(regex);
            return lead.value(field)
                    .filter(v -> pattern.matcher(v).find())
                    .map(v -> label(field) + " \"" + v + "\" looks invalid");
        }
    }

    /** Whether {@code fragment} occurs in {@code words} (as {@link #words} made it) between two spaces. */
    private static boolean containsWord(String words, String fragment) {
        for (int i = words.indexOf(fragment); i >= 0; i = words.indexOf(fragment, i + 1)) {
            int end = i + fragment.length();
            if (i > 0 && words.charAt(i - 1) == ' ' && end < words.length() && words.charAt(end) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** The value lower-cased with every run of non-letters and non-digits as one space, padded with spaces. */
    private static String words(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String key(String field) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a condition needs a field");
        }
        return LeadField.byKey(field).map(LeadField::key).orElseGet(() -> FieldKey.require(field));
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
