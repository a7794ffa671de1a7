package io.leadline.persistence.queue;

import io.leadline.core.lead.LifecycleStage;
import java.util.stream.Collectors;

/**
 * The stages of the sales queue as an SQL list, from {@link LifecycleStage#salesQueueStages()}, so SQL and
 * domain agree. The partial index {@code lead_score_queue_idx} repeats the list as a literal (Postgres only
 * uses a partial index whose predicate the query states the same way); a test checks the two match.
 */
public final class QueueStages {

    public static final String SQL_LIST = LifecycleStage.salesQueueStages().stream()
            .sorted()
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private QueueStages() {}
}
