package io.leadline.web.home;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.lead.LeadCount;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.webhook.Webhooks;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.scoring.RescoreJobs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What needs each role today, in counts and short lists that link to the filtered queue or page: hot leads and the
 * MQLs waiting for a rep for everyone; the rep's own open leads and unread notices; the latest imports for marketers
 * and admins; the background work and webhook endpoints turned off for admins.
 */
@Component
class TodayBoard {

    /** Hot leads listed on the page (the queue's lane shows up to 25). */
    static final int HOT_SHOWN = 5;

    private final SalesQueue queue;
    private final HandoffRules handoff;
    private final SalesRules rules;
    private final Inbox inbox;
    private final ImportJobs imports;
    private final RescoreJobs rescorings;
    private final Webhooks webhooks;
    private final Clock clock;

    TodayBoard(
            SalesQueue queue,
            HandoffRules handoff,
            SalesRules rules,
            Inbox inbox,
            ImportJobs imports,
            RescoreJobs rescorings,
            Webhooks webhooks,
            Clock clock) {
        this.queue = queue;
        this.handoff = handoff;
        this.rules = rules;
        this.inbox = inbox;
        this.imports = imports;
        this.rescorings = rescorings;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The user's roles as the page needs them. */
    record Viewer(String username, boolean sales, boolean marketing, boolean admin) {}

    /**
     * The board: {@code mine}, {@code unread} only for those who work leads (reps, admins); {@code imports} for
     * marketers and admins; {@code rescoring} and {@code endpointsOff} for admins (else null).
     */
    record Today(
            List<QueueEntry> hot,
            LeadCount waitingForRep,
            LeadCount pastSla,
            ResponseSla sla,
            LeadCount mine,
            Integer unread,
            List<ImportJob> imports,
            RescoreJobs.RescoreJob rescoring,
            Long endpointsOff,
            Instant now) {}

    Today of(Viewer viewer) {
        Instant now = Instant.now(clock);
        HandoffPolicy policy = handoff.policy();
        ResponseSla sla = policy.sla(rules.slaHours());
        QueueFilter unassigned = filter(QueueFilter.Scope.UNASSIGNED, viewer, LifecycleStage.MQL, null, policy, now);
        boolean worksLeads = viewer.sales() || viewer.admin();
        return new Today(
                queue.handRaisers(unassigned, HOT_SHOWN),
                count(unassigned),
                count(filter(QueueFilter.Scope.UNASSIGNED, viewer, null, sla.queuedBefore(now), policy, now)),
                sla,
                worksLeads ? count(filter(QueueFilter.Scope.MINE, viewer, null, null, policy, now)) : null,
                worksLeads ? inbox.unread(viewer.username()) : null,
                viewer.marketing() || viewer.admin() ? imports.latest(3) : List.of(),
                viewer.admin() ? rescorings.latest().orElse(null) : null,
                viewer.admin()
                        ? webhooks.endpoints().stream()
                                .filter(e -> !e.enabled())
                                .count()
                        : null,
                now);
    }

    private LeadCount count(QueueFilter filter) {
        return new LeadCount(queue.countUpTo(filter, LeadCount.CAP));
    }

    private static QueueFilter filter(
            QueueFilter.Scope scope,
            Viewer viewer,
            LifecycleStage stage,
            Instant queuedBefore,
            HandoffPolicy policy,
            Instant now) {
        return new QueueFilter(
                scope,
                viewer.username(),
                stage,
                null,
                null,
                queuedBefore,
                null,
                policy.order(),
                policy.handRaisers(),
                now);
    }
}
