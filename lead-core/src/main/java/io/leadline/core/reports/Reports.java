package io.leadline.core.reports;

import io.leadline.core.lead.LeadSources;
import io.leadline.core.queue.ResponseSla;
import java.time.LocalDate;
import java.util.List;

/** The marketing reports. Implemented by lead-persistence. */
public interface Reports {

    /** Which leads a report covers: created in [from, to] (either open) and from one source (or all). */
    record Scope(LocalDate from, LocalDate to, String source) {
        public Scope {
            source = source == null || source.isBlank() ? null : LeadSources.key(source);
        }
    }

    List<FunnelRow> funnelBySource(Scope scope);

    /**
     * Every source leads come from (as the snapshots last counted them) and the standard ones, folded and sorted: what
     * the source filters offer.
     */
    List<String> sourcesInUse();

    List<FunnelRow> funnelByMonth(Scope scope);

    /** Leads per current score band of ten points. */
    List<Band> scoreDistribution(Scope scope);

    /**
     * MQLs claimed within the SLA, later, or not yet, as of now: the time to claim counted as the SLA counts it (working
     * hours when set).
     */
    Sla slaCompliance(Scope scope, ResponseSla sla);

    record Band(int from, long leads) {}

    record Sla(long claimedInTime, long claimedLate, long waitingInTime, long waitingLate) {
        public long total() {
            return claimedInTime + claimedLate + waitingInTime + waitingLate;
        }

        public Double compliance() {
            long claimed = claimedInTime + claimedLate + waitingLate;
            return claimed == 0 ? null : (double) claimedInTime / claimed;
        }
    }
}
