package io.leadline.core.scoring;

import io.leadline.core.lead.LeadField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link LeadCondition} as the model editor shows and edits it: a kind, a field and the values typed in one box
 * ({@code health, pharma}; a range as {@code 100-999}, {@code 1000-} or {@code -99}), and the condition in words
 * ("source is one of organic_search, paid_search").
 */
public final class ConditionText {

    /** The kinds of condition, as the editor names them. */
    public enum Kind {
        ONE_OF("is one of"),
        CONTAINS("contains a word"),
        RANGE("number in range"),
        MISSING("is unknown"),
        MATCHES("matches the pattern"),
        EMAIL_DOMAIN("email domain is one of");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern RANGE = Pattern.compile("^\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");
    private static final int LISTED = 8;

    private ConditionText() {}

    public static Kind kindOf(LeadCondition condition) {
        return switch (condition) {
            case LeadCondition.OneOf c -> Kind.ONE_OF;
            case LeadCondition.Contains c -> Kind.CONTAINS;
            case LeadCondition.NumericRange c -> Kind.RANGE;
            case LeadCondition.Missing c -> Kind.MISSING;
            case LeadCondition.Matches c -> Kind.MATCHES;
            case LeadCondition.EmailDomain c -> Kind.EMAIL_DOMAIN;
        };
    }

    /** The values box of the condition. */
    public static String valuesOf(LeadCondition condition) {
        return switch (condition) {
            case LeadCondition.OneOf c -> String.join(", ", new TreeSet<>(c.values()));
            case LeadCondition.Contains c -> String.join(", ", c.fragments());
            case LeadCondition.NumericRange c ->
                (c.min() == null ? "" : c.min()) + "-" + (c.max() == null ? "" : c.max());
            case LeadCondition.Missing c -> "";
            case LeadCondition.Matches c -> c.regex();
            case LeadCondition.EmailDomain c -> String.join(", ", new TreeSet<>(c.domains()));
        };
    }

    /** The condition a kind, a field and a values box make; the message says what to correct. */
    public static LeadCondition read(Kind kind, String field, String values) {
        String text = values == null ? "" : values;
        List<String> terms = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        if ((kind == Kind.ONE_OF || kind == Kind.CONTAINS) && terms.isEmpty()) {
            throw new IllegalArgumentException("list the values, separated by commas");
        }
        return switch (kind) {
            case ONE_OF -> new LeadCondition.OneOf(field, Set.copyOf(terms));
            case CONTAINS -> new LeadCondition.Contains(field, terms);
            case MISSING -> new LeadCondition.Missing(field);
            case MATCHES -> new LeadCondition.Matches(field, text.strip());
            case EMAIL_DOMAIN ->
                new LeadCondition.EmailDomain(
                        Set.copyOf(Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s,;]+"))
                                .map(d -> d.strip().replaceFirst("^@", ""))
                                .filter(d -> !d.isEmpty())
                                .toList()));
            case RANGE -> {
                Matcher m = RANGE.matcher(text);
                if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                    throw new IllegalArgumentException("write the range as 100-999, 1000- or -99");
                }
                yield new LeadCondition.NumericRange(
                        field,
                        m.group(1).isEmpty() ? null : Long.valueOf(m.group(1)),
                        m.group(2).isEmpty() ? null : Long.valueOf(m.group(2)));
            }
        };
    }

    /** The condition in words, for the editor and the model's change list. */
    public static String describe(LeadCondition condition) {
        String field = LeadField.byKey(condition.field())
                .map(f -> f.label().toLowerCase(Locale.ROOT))
                .orElse(condition.field());
        return switch (condition) {
            case LeadCondition.OneOf c -> field + " is one of " + listed(c.values());
            case LeadCondition.Contains c -> field + " contains " + listed(c.fragments());
            case LeadCondition.NumericRange c ->
                field
                        + (c.min() != null && c.max() != null
                                ? " is between " + c.min() + " and " + c.max()
                                : c.min() != null ? " is at least " + c.min() : " is at most " + c.max());
            case LeadCondition.Missing c -> field + " is unknown";
            case LeadCondition.Matches c -> field + " matches " + c.regex();
            case LeadCondition.EmailDomain c ->
                c.domains().isEmpty()
                        ? "email domain is one of (none listed yet)"
                        : "email domain is one of " + listed(c.domains());
        };
    }

    private static String listed(Collection<String> values) {
        List<String> sorted = values instanceof List<String> list ? list : new ArrayList<>(new TreeSet<>(values));
        return sorted.size() <= LISTED
                ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, LISTED)) + " and " + (sorted.size() - LISTED) + " more";
    }
}
