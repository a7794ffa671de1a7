package io.leadline.web.inbox;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.core.queue.SlaWatch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, on every instance: unclaimed MQLs whose response time is about to run out or has run out become
 * notices for the reps who take new leads (those in the rotation; every active rep when nobody is). Notices are keyed
 * by lead, clock start and rep, so each is given once however many instances poll; mail alerts follow the inbox.
 */
@Component
class SlaNotices {

    static final int LEADS_PER_POLL = 200;

    private final SalesReps reps;
    private final SalesRules rules;
    private final Inbox inbox;
    private final Clock clock;
    private final HandoffRules handoff;

    SlaNotices(SalesReps reps, SalesRules rules, HandoffRules handoff, Inbox inbox, Clock clock) {
        this.reps = reps;
        this.handoff = handoff;
        this.rules = rules;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${leadline.inbox.sla-poll-millis:60000}",
            initialDelayString = "${leadline.inbox.sla-poll-millis:60000}")
    void poll() {
        notifyNow(Instant.now(clock));
    }

    /** @return how many notices were given */
    int notifyNow(Instant now) {
        SlaWatch watch = handoff.policy().slaWatch(rules.slaHours());
        List<SlaWatch.WaitingMql> waiting =
                reps.waitingMqls(watch.oldestQueuedAt(now), watch.atRiskQueuedBefore(now), LEADS_PER_POLL);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<String> recipients = recipients();
        int given = 0;
        for (SlaWatch.WaitingMql lead : waiting) {
            var notice = watch.noticeFor(lead, now);
            if (notice.isEmpty()) {
                continue;
            }
            for (String rep : recipients) {
                if (inbox.deliver(
                        rep,
                        notice.get().kind(),
                        lead.leadId(),
                        notice.get().text(),
                        notice.get().at(),
                        notice.get().keyFor(rep))) {
                    given++;
                }
            }
        }
        return given;
    }

    private List<String> recipients() {
        List<RepLoad> loads = reps.loads();
        List<String> inRotation = loads.stream()
                .filter(RepLoad::inRotation)
                .map(RepLoad::username)
                .toList();
        return inRotation.isEmpty() ? loads.stream().map(RepLoad::username).toList() : inRotation;
    }
}
