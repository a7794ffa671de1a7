package io.leadline.core.account;

/**
 * When an account becomes marketing-qualified (MQA): an account score of at least {@code threshold} with
 * at least {@code minimumEngagedContacts} contacts who have {@code engagedAt} engagement points or more.
 * Each buying role engaged beyond the first adds {@code pointsPerExtraRole}.
 */
public record MqaPolicy(int threshold, int minimumEngagedContacts, int engagedAt, int pointsPerExtraRole) {

    public MqaPolicy {
        if (minimumEngagedContacts < 1 || engagedAt < 1 || pointsPerExtraRole < 0) {
            throw new IllegalArgumentException("an MQA needs at least one engaged contact, engagement of at least 1 "
                    + "point, and no negative coverage bonus");
        }
    }

    public static MqaPolicy standard() {
        return new MqaPolicy(100, 2, 10, 10);
    }
}
