package io.leadline.core.qualification;

/** What a rep knows about one BANT criterion. */
public enum BantStatus {
    UNKNOWN("Unknown"),
    MET("Met"),
    NOT_MET("Not met");

    private final String label;

    BantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
