package io.leadline.web.queue;

import io.leadline.core.lead.LeadsBecameMql;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Round-robin assignment for every lead that becomes an MQL, whichever way: a form, the API, an edit, an activity,
 * an import, a rescoring. After the move commits, in a transaction of its own, from the event publication registry:
 * an instance that dies before it ran leaves the event to be delivered again.
 */
@Component
class NewMqlsToReps {

    private final LeadAssignment assignment;

    NewMqlsToReps(LeadAssignment assignment) {
        this.assignment = assignment;
    }

    @ApplicationModuleListener
    void on(LeadsBecameMql event) {
        assignment.assignNewMqls(event.leadIds());
    }
}
