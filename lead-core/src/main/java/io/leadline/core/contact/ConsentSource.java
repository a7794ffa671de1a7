package io.leadline.core.contact;

/** Where a consent answer or a do-not-contact flag came from. */
public enum ConsentSource {
    FORM("a form"),
    IMPORT("an import"),
    API("the API"),
    UNSUBSCRIBE("an unsubscribe"),
    PERSON("a Leadline user");

    private final String label;

    ConsentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
