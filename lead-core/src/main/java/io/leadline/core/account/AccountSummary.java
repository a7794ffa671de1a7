package io.leadline.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An account as the accounts view lists it: its stored score (kept current from its leads), whether it is an MQA and
 * since when, its owner, how many of its contacts are in play and engaged, and the buying roles engaged.
 */
public record AccountSummary(
        long accountId,
        String name,
        String owner,
        int score,
        boolean mqa,
        int contacts,
        int engagedContacts,
        Set<BuyingRole> rolesEngaged,
        List<String> sources,
        Instant mqaSince,
        Instant updatedAt) {

    public AccountSummary {
        rolesEngaged = Set.copyOf(rolesEngaged);
        sources = List.copyOf(sources);
    }

    /** Where the next page starts: after this account in the view's order (best score first, then newest id). */
    public AccountPosition position() {
        return new AccountPosition(score, accountId);
    }
}
