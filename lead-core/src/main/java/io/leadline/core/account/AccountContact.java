package io.leadline.core.account;

import io.leadline.core.lead.LifecycleStage;

/** A lead of an account as its page lists it: who, where in the funnel, their score and buying role. */
public record AccountContact(
        long leadId,
        String name,
        String jobTitle,
        LifecycleStage stage,
        int score,
        int engagementPoints,
        String owner) {

    public BuyingRole role() {
        return BuyingRole.of(jobTitle);
    }

    /** The contact as the roll-up reads it, or null when its stage takes it out of play. */
    public AccountMember asMember() {
        return LifecycleStage.ruledOut().contains(stage)
                ? null
                : new AccountMember(leadId, name, jobTitle, score, engagementPoints);
    }
}
