package io.leadline.web.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.duplicates.LeadMerged;
import io.leadline.core.lead.LeadRecorded;
import io.leadline.core.lead.LeadsMoved;
import io.leadline.core.qualification.BantAnswered;
import io.leadline.core.queue.LeadAssigned;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit trail of what happens to leads, written from the lead events rather than beside each call: every claim,
 * promotion, disqualification, recycle, opportunity, won or lost deal (whichever path recorded the move), assignment,
 * merge, creation, edit and BANT answer gets one entry. Listened to in the transaction that publishes the event, so
 * the entry commits with the action or not at all, once, with the request's client address.
 */
@Component
class LeadAuditTrail {

    private final Audit audit;

    LeadAuditTrail(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void on(LeadsMoved event) {
        List<Audit.Entry> entries = new ArrayList<>();
        for (var move : event.moves()) {
            AuditAction.ofMove(move.change())
                    .ifPresent(action -> entries.add(new Audit.Entry(
                            move.change().at(),
                            move.change().actor(),
                            action,
                            target(move.leadId()),
                            move.change().reason())));
        }
        audit.recordAll(entries);
    }

    @EventListener
    void on(LeadAssigned event) {
        audit.recordAll(List.of(new Audit.Entry(
                event.at(),
                event.by(),
                AuditAction.LEAD_ASSIGNED,
                target(event.leadId()),
                "to " + event.rep() + " " + event.because())));
    }

    @EventListener
    void on(LeadMerged event) {
        audit.recordAll(List.of(new Audit.Entry(
                event.at(), event.by(), AuditAction.LEAD_MERGED, target(event.survivorId()), event.describe())));
    }

    @EventListener
    void on(LeadRecorded event) {
        String via = Audit.channel();
        String detail = switch (event.kind()) {
            case CREATED -> via == null ? "" : "via " + via;
            case EDITED -> "changed " + String.join(", ", event.fields());
        };
        audit.recordAll(List.of(new Audit.Entry(
                event.at(),
                Audit.currentActor(),
                event.kind() == LeadRecorded.Kind.CREATED ? AuditAction.LEAD_CREATED : AuditAction.LEAD_EDITED,
                target(event.leadId()),
                detail)));
    }

    @EventListener
    void on(BantAnswered event) {
        audit.recordAll(List.of(new Audit.Entry(
                event.at(), event.by(), AuditAction.BANT_ANSWERED, target(event.leadId()), event.describe())));
    }

    private static String target(long leadId) {
        return "lead " + leadId;
    }
}
