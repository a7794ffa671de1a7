package io.leadline.core.audit;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.StageChange;
import java.util.Optional;

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
    LEAD_CREATED("Lead created"),
    LEAD_EDITED("Lead edited"),
    BANT_ANSWERED("BANT answered"),
    LEAD_CLAIMED("Lead claimed"),
    LEAD_ASSIGNED("Lead assigned"),
    LEAD_DISQUALIFIED("Lead disqualified"),
    LEAD_PROMOTED("Lead promoted to SQL"),
    LEAD_RECYCLED("Lead recycled"),
    LEAD_OPPORTUNITY("Lead became an opportunity"),
    LEAD_WON("Deal won"),
    LEAD_LOST("Deal lost"),
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

    /**
     * The entry a recorded move makes: a claim, a promotion, a disqualification, a recycle, an opportunity, a won or lost
     * deal. None for an assignment (its {@code LeadAssigned} makes the entry, with the rule that chose the rep), for the
     * score's moves into and out of MQL, or for a move that changed nothing.
     */
    public static Optional<AuditAction> ofMove(StageChange change) {
        if (change.from() == change.to()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (change.to()) {
                    case ACCEPTED -> change.reason().startsWith(Lead.CLAIMED_BY) ? LEAD_CLAIMED : null;
                    case SQL -> LEAD_PROMOTED;
                    case OPPORTUNITY -> LEAD_OPPORTUNITY;
                    case WON -> LEAD_WON;
                    case LOST -> LEAD_LOST;
                    case DISQUALIFIED -> LEAD_DISQUALIFIED;
                    case RECYCLED -> LEAD_RECYCLED;
                    case NEW, MQL -> null;
                });
    }

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
