package io.leadline.core.account;

import io.leadline.core.scoring.ReceiptLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An account's score rolled up from its contacts: the best contact's score, plus the engagement of every
 * other engaged contact, plus a bonus for each further buying role engaged. The lines add up to the score.
 */
public record AccountScore(
        int score, int engagedContacts, Set<BuyingRole> rolesEngaged, boolean mqa, List<ReceiptLine> receipt) {

    public AccountScore {
        rolesEngaged = rolesEngaged.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rolesEngaged));
        receipt = List.copyOf(receipt);
    }

    public static AccountScore rollUp(List<AccountMember> members, MqaPolicy policy) {
        List<ReceiptLine> lines = new ArrayList<>();
        if (members.isEmpty()) {
            return new AccountScore(0, 0, Set.of(), false, lines);
        }
        List<AccountMember> ranked = members.stream()
                .sorted(Comparator.comparingInt(AccountMember::score)
                        .reversed()
                        .thenComparingLong(AccountMember::leadId))
                .toList();
        AccountMember best = ranked.getFirst();
        lines.add(ReceiptLine.fit("Best contact", best.fullName() + " scores " + best.score(), best.score()));
        Set<BuyingRole> roles = EnumSet.noneOf(BuyingRole.class);
        int engaged = 0;
        for (AccountMember member : ranked) {
            if (member.engagementPoints() < policy.engagedAt()) {
                continue;
            }
            engaged++;
            if (member.role() != BuyingRole.UNKNOWN) {
                roles.add(member.role());
            }
            if (member != best) {
                lines.add(new ReceiptLine(
                        ReceiptLine.Group.ENGAGEMENT,
                        "Engaged contact",
                        member.fullName() + " has " + member.engagementPoints() + " engagement points",
                        member.engagementPoints(),
                        member.engagementPoints(),
                        member.engagementPoints()));
            }
        }
        int extraRoles = Math.max(0, roles.size() - 1);
        if (extraRoles > 0) {
            String named = roles.stream()
                    .map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", "));
            lines.add(ReceiptLine.fit(
                    "Buying-committee coverage",
                    roles.size() + " roles engaged: " + named,
                    extraRoles * policy.pointsPerExtraRole()));
        }
        int score = lines.stream().mapToInt(ReceiptLine::points).sum();
        boolean mqa = score >= policy.threshold() && engaged >= policy.minimumEngagedContacts();
        return new AccountScore(score, engaged, roles, mqa, lines);
    }

    /** Why the account is or is not an MQA under the policy, as its history says it. */
    public String why(MqaPolicy policy) {
        String contacts = engagedContacts == 1 ? "1 engaged contact" : engagedContacts + " engaged contacts";
        if (mqa) {
            return "Score " + score + " with " + contacts + " (an MQA at " + policy.threshold() + " with "
                    + policy.minimumEngagedContacts() + ")";
        }
        boolean lowScore = score < policy.threshold();
        boolean fewContacts = engagedContacts < policy.minimumEngagedContacts();
        if (lowScore && fewContacts) {
            return "Score " + score + " is under " + policy.threshold() + " and " + contacts + " of "
                    + policy.minimumEngagedContacts() + " needed";
        }
        return lowScore
                ? "Score " + score + " is under " + policy.threshold()
                : contacts + ", " + policy.minimumEngagedContacts() + " needed";
    }
}
