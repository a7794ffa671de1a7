package io.leadline.core.inbox;

/** How a user hears of new notices by mail: each at once, an hourly digest, or not at all (the inbox only). */
public enum AlertMode {
    INSTANT("Each notice at once"),
    HOURLY("An hourly digest"),
    OFF("No mail: the inbox only");

    private final String label;

    AlertMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
