package io.leadline.core.importing;

/** What an import does with a row whose lead exists already (same email or external id). */
public enum DuplicatePolicy {
    SKIP("Keep the existing lead as it is"),
    UPDATE("Overwrite the existing lead with the file's values"),
    FILL_BLANKS("Fill only the existing lead's blank fields");

    private final String label;

    DuplicatePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
