package io.leadline.web.capture;

import io.leadline.core.lead.EmailAddress;
import java.util.Optional;

/** A lead with this email address exists already; it names that lead when it is known, so a page can link to it. */
public class DuplicateLeadException extends RuntimeException {

    private final Long existing;
    private final String code;
    private final String[] arguments;

    DuplicateLeadException(EmailAddress email, Optional<Long> existing) {
        super("A lead with the email " + email + " exists already.");
        this.existing = existing.orElse(null);
        this.code = "lead.duplicate";
        this.arguments = new String[] {email.toString()};
    }

    DuplicateLeadException(EmailAddress email, String externalId) {
        super("A lead with the email " + email + " or the external id " + externalId + " exists already.");
        this.existing = null;
        this.code = "lead.duplicate.externalId";
        this.arguments = new String[] {email.toString(), externalId};
    }

    /** The message's key in messages.properties; {@link #arguments()} fill it. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The lead that has the address already. */
    public Optional<Long> existingLead() {
        return Optional.ofNullable(existing);
    }
}
