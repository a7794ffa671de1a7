package io.leadline.core.queue;

import io.leadline.core.Refusal;
import io.leadline.core.inbox.InboxItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the reps before an unclaimed MQL runs out of its response-time SLA, and when it has: at risk the admin's
 * warning time before the limit (by default from {@value #AT_RISK_PERCENT} % of it), breached at the limit. A breach older than {@link #BREACH_NOTICE_WINDOW} is
 * not announced any more (the queue's badge still shows it); SLA time is working time when the admin set working hours: a backlog found after a pause does not flood the inboxes.
 */
public record SlaWatch(ResponseSla sla, Duration warnBefore) {

    public static final int AT_RISK_PERCENT = 75;

    /**
     * @param warnBefore how long before the SLA runs out the reps hear; {@code null}: at {@value #AT_RISK_PERCENT} % of
     *     it. Never more than the SLA itself.
     */
    public SlaWatch {
        if (warnBefore != null && (warnBefore.isNegative() || warnBefore.isZero())) {
            throw new Refusal("sla.warning", "Warn a positive time before the SLA runs out.");
        }
    }

    /** Warned at {@value #AT_RISK_PERCENT} % of the SLA. */
    public SlaWatch(ResponseSla sla) {
        this(sla, null);
    }

    public static final Duration BREACH_NOTICE_WINDOW = Duration.ofHours(24);

    /** An unclaimed MQL whose clock runs: since when. */
    public record WaitingMql(long leadId, String name, Instant queuedAt) {}

    /** A notice to give; {@code key} is the same for every instance and every poll, so it is given once per rep. */
    public record Notice(InboxItem.Kind kind, long leadId, String text, Instant at, String key) {

        public String keyFor(String rep) {
            return key + ":" + rep;
        }
    }

    /** Only leads queued after this can still need a notice. */
    public Instant oldestQueuedAt(Instant now) {
        return sla.before(now.minus(BREACH_NOTICE_WINDOW), sla.limit());
    }

    /** Leads queued before this are at risk or breached. */
    public Instant atRiskQueuedBefore(Instant now) {
        return sla.before(now, atRiskAfter());
    }

    private Duration atRiskAfter() {
        if (warnBefore == null) {
            return sla.limit().multipliedBy(AT_RISK_PERCENT).dividedBy(100);
        }
        return warnBefore.compareTo(sla.limit()) >= 0
                ? Duration.ZERO
                : sla.limit().minus(warnBefore);
    }

    public Optional<Notice> noticeFor(WaitingMql lead, Instant now) {
        Duration waited = sla.elapsed(lead.queuedAt(), now);
        long queued = lead.queuedAt().toEpochMilli();
        if (waited.compareTo(sla.limit()) >= 0) {
            Instant breachedAt = sla.before(now, waited.minus(sla.limit()));
            if (Duration.between(breachedAt, now).compareTo(BREACH_NOTICE_WINDOW) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Notice(
                    InboxItem.Kind.SLA_BREACHED,
                    lead.leadId(),
                    lead.name() + " has waited past the " + hours() + " response time: claim it now.",
                    breachedAt,
                    "sla-breached:" + lead.leadId() + ":" + queued));
        }
        if (waited.compareTo(atRiskAfter()) >= 0) {
            Duration left = sla.limit().minus(waited);
            return Optional.of(new Notice(
                    InboxItem.Kind.SLA_AT_RISK,
                    lead.leadId(),
                    lead.name() + " is unclaimed; the " + hours() + " response time runs out in " + minutes(left) + ".",
                    sla.before(now, waited.minus(atRiskAfter())),
                    "sla-at-risk:" + lead.leadId() + ":" + queued));
        }
        return Optional.empty();
    }

    private String hours() {
        long h = sla.limit().toHours();
        return h + working() + (h == 1 ? " hour" : " hours");
    }

    private String minutes(Duration left) {
        long m = Math.max(1, left.toMinutes());
        return m >= 120 ? (m / 60) + working() + " hours" : m + working() + (m == 1 ? " minute" : " minutes");
    }

    private String working() {
        return sla.workingHours() == null ? "" : " working";
    }
}
