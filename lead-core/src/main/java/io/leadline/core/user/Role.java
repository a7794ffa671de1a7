package io.leadline.core.user;

/** What a Leadline user does. */
public enum Role {
    /** Captures and imports leads, reads reports. */
    MARKETER("Marketer"),
    /** Works the sales queue: claims, qualifies, promotes, disqualifies. */
    SALES("Sales rep"),
    /** Edits scoring settings and users. */
    ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
