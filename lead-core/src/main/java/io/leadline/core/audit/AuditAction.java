package io.leadline.core.audit;

/** The kinds of action the audit log records. */
public enum AuditAction {
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_IN_BLOCKED("Sign-in blocked (too many failures)"),
    SIGN_OUT("Signed out"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_CHANGE_FAILED("Password change refused (wrong current password)"),
    SESSIONS_ENDED("Signed out everywhere"),
    SIGN_IN_THROTTLE_CLEARED("Sign-in throttle cleared"),
    USER_CREATED("User created"),
    ROLE_CHANGED("Role changed"),
    LEAD_CLAIMED("Lead claimed"),
    LEAD_ASSIGNED("Lead assigned"),
    LEAD_DISQUALIFIED("Lead disqualified"),
    LEAD_PROMOTED("Lead promoted to SQL"),
    MODEL_ACTIVATED("Scoring model activated"),
    RESCORED("Leads rescored"),
    SETTINGS_CHANGED("Settings changed"),
    IMPORT_RUN("Import run"),
    EXPORT("Export"),
    API_TOKEN_CREATED("API token created"),
    API_TOKEN_REVOKED("API token revoked"),
    LIKELIHOOD_TRAINED("Likelihood model trained"),
    LIKELIHOOD_LIVE("Likelihood model made live"),
    SOURCE_MERGED("Source merged into another"),
    SUBMISSION_ACCEPTED("Held form submission accepted"),
    SUBMISSION_DISMISSED("Held form submission dismissed"),
    LEAD_MERGED("Leads merged"),
    DUPLICATE_DISMISSED("Marked not a duplicate"),
    PERSONAL_DATA_EXPORTED("Personal data exported"),
    PERSONAL_DATA_ERASED("Personal data erased"),
    CONTACT_CHANGED("Contact permission changed"),
    CONSENT_TEXT_CHANGED("Form consent text changed"),
    ACCOUNT_OWNER_CHANGED("Account owner changed");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
