package io.leadline.core.scoring;

/**
 * One line of a score receipt: which rule, on what evidence, its raw points, what was left after decay,
 * and what counts after caps ({@link #points()}). The points of all lines add up to the score.
 */
public record ReceiptLine(Group group, String rule, String evidence, int rawPoints, int afterDecay, int points) {

    public enum Group {
        FIT,
        ENGAGEMENT,
        CAP
    }

    public static ReceiptLine fit(String rule, String evidence, int points) {
        return new ReceiptLine(Group.FIT, rule, evidence, points, points, points);
    }

    public boolean decayed() {
        return afterDecay != rawPoints;
    }

    public boolean capped() {
        return points != afterDecay;
    }
}
