package io.leadline.persistence.lead;

import io.leadline.core.lead.Lead;

/** SQL forms of lead-core rules, for queries that list many leads at once (one test compares each with its Java form). */
public final class LeadSql {

    /** {@link Lead#displayName()} of the lead aliased {@code l}: its name, else its email, else "Lead " and its external id. */
    public static final String DISPLAY_NAME = "coalesce(l.full_name, l.email, 'Lead ' || l.external_id)";

    private LeadSql() {}
}
