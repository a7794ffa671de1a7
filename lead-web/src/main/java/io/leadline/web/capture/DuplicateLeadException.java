package io.leadline.web.capture;

import io.leadline.core.lead.EmailAddress;

/** A lead with this email address exists already. */
public class DuplicateLeadException extends RuntimeException {

    DuplicateLeadException(EmailAddress email) {
        super("A lead with the email " + email + " exists already.");
    }

    DuplicateLeadException(EmailAddress email, String externalId) {
        super("A lead with the email " + email + " or the external id " + externalId + " exists already.");
    }
}
