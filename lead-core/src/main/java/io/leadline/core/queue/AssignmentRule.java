package io.leadline.core.queue;

import io.leadline.core.Refusal;
import io.leadline.core.lead.LeadSources;
import java.util.Locale;
import java.util.Objects;

/**
 * One of the admin's ordered assignment rules: new MQLs that match go to {@code rep} (the first matching rule whose rep
 * is active and has room wins). {@link Kind#ACCOUNT_OWNER} has no value and no rep: a lead whose account has an owner
 * (given by an admin on the account's page, else the rep who owns another of its leads) goes to that rep.
 */
public record AssignmentRule(Kind kind, String value, String rep) {

    public enum Kind {
        SOURCE("Source is"),
        COUNTRY("Country is"),
        SCORE_AT_LEAST("Score at least"),
        ACCOUNT_OWNER("Account's leads go to the rep who owns the account");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AssignmentRule {
        Objects.requireNonNull(kind, "kind");
        value = value == null || value.isBlank() ? null : value.strip();
        rep = rep == null || rep.isBlank() ? null : rep.strip();
        switch (kind) {
            case ACCOUNT_OWNER -> {
                value = null;
                rep = null;
            }
            case SOURCE -> value = LeadSources.key(require(value, "a source"));
            case COUNTRY -> value = require(value, "a country").toUpperCase(Locale.ROOT);
            case SCORE_AT_LEAST -> {
                try {
                    value = Integer.toString(Integer.parseInt(require(value, "a score")));
                } catch (NumberFormatException e) {
                    throw new Refusal(
                            "rule.score",
                            "A score band starts at a whole number of points, not '" + value + "'.",
                            value);
                }
            }
        }
        if (kind != Kind.ACCOUNT_OWNER && rep == null) {
            throw new IllegalArgumentException(
                    "Choose the rep who gets the leads of the rule \"" + kind.label() + " " + value + "\".");
        }
    }

    private static String require(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("The rule needs " + what + ".");
        }
        return value;
    }

    /** Whether a new MQL with these facts matches (for {@link Kind#ACCOUNT_OWNER}: whether its account has an owner). */
    public boolean matches(NewMql lead) {
        return switch (kind) {
            case SOURCE -> value.equals(lead.source());
            case COUNTRY -> lead.country() != null && value.equalsIgnoreCase(lead.country());
            case SCORE_AT_LEAST -> lead.score() >= Integer.parseInt(value);
            case ACCOUNT_OWNER -> lead.accountOwner() != null;
        };
    }

    /** Who the rule gives a matching lead to. */
    public String repFor(NewMql lead) {
        return kind == Kind.ACCOUNT_OWNER ? lead.accountOwner() : rep;
    }

    /** "Source is paid_search → rita". */
    public String describe() {
        return kind == Kind.ACCOUNT_OWNER ? kind.label() : kind.label() + " " + value + " → " + rep;
    }

    /**
     * What the assignment rules read of a new MQL ({@code name} only to show it). {@code accountOwner}: the account's
     * owner, else the rep who owns another lead of its account.
     */
    public record NewMql(long leadId, String name, String source, String country, int score, String accountOwner) {}
}
