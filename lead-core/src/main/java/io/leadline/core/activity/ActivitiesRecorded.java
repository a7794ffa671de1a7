package io.leadline.core.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Activities were stored for leads (one form submission, or a batch from the API): published with them. */
public record ActivitiesRecorded(List<Recorded> activities) {

    /** One stored activity: whose, what, when. */
    public record Recorded(long leadId, String type, Instant at) {

        public Recorded {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(at, "at");
        }
    }

    public ActivitiesRecorded {
        activities = List.copyOf(activities);
    }
}
