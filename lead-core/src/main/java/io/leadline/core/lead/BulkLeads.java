package io.leadline.core.lead;

import io.leadline.core.scoring.Score;
import java.util.List;

/**
 * Stores many new leads from history at once (the demo's seed), with their scores and first stage move. They are
 * history: a queued one's response-time clock does not run. Implemented by lead-persistence.
 */
public interface BulkLeads {

    /** Stores all of them in one transaction; answers how many were stored. */
    int insertAll(List<ScoredLead> leads);

    /** A new lead (no id yet), its score, and the stage move scoring caused, if any ({@code null} otherwise). */
    record ScoredLead(Lead lead, Score score, StageChange change) {}
}
