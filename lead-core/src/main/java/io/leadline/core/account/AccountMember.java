package io.leadline.core.account;

/** One contact of an account, with their current score and the engagement part of it. */
public record AccountMember(long leadId, String fullName, String jobTitle, int score, int engagementPoints) {

    public BuyingRole role() {
        return BuyingRole.of(jobTitle);
    }
}
