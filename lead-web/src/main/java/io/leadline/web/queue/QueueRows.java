package io.leadline.web.queue;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.QueueEntry;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.i18n.Times;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns queue entries into the rows the queue page prints, in the reader's language and zone. */
@Component
class QueueRows {

    private static final String NONE = "—";

    private final PageMessages messages;
    private final Times times;

    QueueRows(PageMessages messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    /**
     * What every row of one page shares.
     *
     * @param late        the leads past the response SLA
     * @param lateTitle   the SLA badge's title
     * @param worksLeads  whether the reader may claim (a rep or an admin)
     * @param contextPath the application's context path, for the links
     */
    record Page(
            Instant now,
            boolean likelihoodLive,
            Set<Long> late,
            String lateTitle,
            boolean worksLeads,
            String contextPath) {}

    List<QueueRow> of(List<QueueEntry> entries, Page page) {
        Map<LifecycleStage, String> stages = new EnumMap<>(LifecycleStage.class);
        return entries.stream()
                .map(e -> row(e, page, stages.computeIfAbsent(e.stage(), s -> messages.get("stage." + s.name()))))
                .toList();
    }

    private QueueRow row(QueueEntry e, Page page, String stage) {
        String likelihood =
                !page.likelihoodLive() ? null : e.likelihoodPercent() == null ? NONE : e.likelihoodPercent() + " %";
        boolean claimable = e.owner() == null && page.worksLeads();
        return new QueueRow(
                e.hot() ? "hot" : null,
                page.contextPath() + "/leads/" + e.leadId(),
                e.fullName(),
                e.doNotContact(),
                e.email(),
                orNone(e.company()),
                orNone(e.jobTitle()),
                orNone(e.source()),
                e.score(),
                e.grade().name(),
                "grade grade-" + e.grade().name(),
                likelihood,
                stage,
                "stage stage-" + e.stage().name().toLowerCase(Locale.ROOT),
                e.waitingFor(page.now()),
                messages.get("queue.since", times.at(e.inQueueSince())),
                e.hot() ? messages.get("queue.hot", messages.get("time.ago", e.handRaisedFor(page.now()))) : null,
                page.late().contains(e.leadId()) ? page.lateTitle() : null,
                e.owner(),
                claimable ? page.contextPath() + "/queue/" + e.leadId() + "/claim" : null,
                claimable ? messages.get("queue.claim.label", e.fullName()) : null,
                e.owner() == null && !page.worksLeads());
    }

    private static String orNone(String text) {
        return text == null ? NONE : text;
    }
}
