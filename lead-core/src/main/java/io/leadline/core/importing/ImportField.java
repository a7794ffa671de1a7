package io.leadline.core.importing;

/** What a column of an imported file holds. */
public enum ImportField {
    FULL_NAME("Name"),
    FIRST_NAME("First name"),
    LAST_NAME("Last name"),
    EMAIL("Email"),
    COMPANY("Company"),
    JOB_TITLE("Job title"),
    COMPANY_SIZE("Company size"),
    COUNTRY("Country"),
    SOURCE("Source"),
    EXTERNAL_ID("External id"),
    CREATED_AT("First contact date"),
    /** A status or lifecycle column: its values become stages by the mapping's {@link StageMapping}. */
    STAGE("Lifecycle stage (status)"),
    OUTCOME("Outcome (won/lost)"),
    OUTCOME_AT("Outcome date"),
    /** Yes or no to marketing (opt-in): yes is consent given, no is consent withdrawn and do not contact. */
    MARKETING_CONSENT("Marketing consent (yes/no)"),
    /** An opt-out column ({@code HasOptedOutOfEmail}, {@code Unsubscribed}): yes is consent withdrawn and do not contact. */
    OPTED_OUT("Opted out (yes/no)"),
    /** Kept as a custom attribute under the column's name. */
    CUSTOM("Custom attribute"),
    IGNORE("Ignore");

    private final String label;

    ImportField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A field that holds a date, read in the format chosen for its column. */
    public boolean isDate() {
        return this == CREATED_AT || this == OUTCOME_AT;
    }

    /** A field at most one column may feed. */
    public boolean single() {
        return this != CUSTOM && this != IGNORE;
    }
}
