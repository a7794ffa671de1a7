package io.leadline.core.contact;

/** A person's answer to "may we send you marketing?": given or withdrawn (unknown is no answer at all). */
public enum Consent {
    GIVEN("Given"),
    WITHDRAWN("Withdrawn");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
