package io.leadline.core.qualification;

/** The four questions of BANT qualification. */
public enum BantCriterion {
    BUDGET("Budget"),
    AUTHORITY("Authority"),
    NEED("Need"),
    TIMELINE("Timeline");

    private final String label;

    BantCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
