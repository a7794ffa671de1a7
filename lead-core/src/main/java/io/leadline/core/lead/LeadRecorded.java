package io.leadline.core.lead;

import java.time.Instant;
import java.util.List;

/**
 * A lead was created or its profile edited by a person (a form, the API, an edit): what the audit trail records. Bulk
 * imports are recorded once per import instead. {@code fields}: for an edit, the fields that changed.
 */
public record LeadRecorded(long leadId, Kind kind, List<String> fields, Instant at) {

    public enum Kind {
        CREATED,
        EDITED
    }

    public LeadRecorded {
        fields = List.copyOf(fields);
    }

    public static LeadRecorded created(long leadId, Instant at) {
        return new LeadRecorded(leadId, Kind.CREATED, List.of(), at);
    }

    public static LeadRecorded edited(long leadId, List<String> fields, Instant at) {
        return new LeadRecorded(leadId, Kind.EDITED, fields, at);
    }
}
