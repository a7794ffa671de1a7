package io.leadline.persistence.scoring;

import io.leadline.core.scoring.RescoreScope;
import io.leadline.core.scoring.ScoringModel;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a rescoring job in proportion to its change: a job a model change queued reads only the leads the change can
 * move from the model the stored scores came from ({@link RescoreScope}); any other job (the nightly pass, a merge of
 * sources, an admin's "rescore all"), or one whose base is unknown, reads everyone.
 */
@Component
public class ScopedRescoring {

    private static final Logger log = LoggerFactory.getLogger(ScopedRescoring.class);

    private final RescoreJobs jobs;
    private final Rescoring rescoring;
    private final JdbcScoringModels versions;
    private final LeadsInScope leadsInScope;

    ScopedRescoring(RescoreJobs jobs, Rescoring rescoring, JdbcScoringModels versions, LeadsInScope leadsInScope) {
        this.jobs = jobs;
        this.rescoring = rescoring;
        this.versions = versions;
        this.leadsInScope = leadsInScope;
    }

    /**
     * What a run did, and whom it read: {@code leadIds} the leads of a bounded run, {@code null} when it read everyone.
     */
    public record Outcome(Rescoring.Result result, long[] leadIds) {

        public boolean readEveryone() {
            return leadIds == null;
        }
    }

    /** Rescores what the job needs with {@code model}, recording on the job what it reads and how far it got. */
    public Outcome run(RescoreJobs.RescoreJob job, ScoringModel model, Instant now) {
        LongConsumer progress = done -> jobs.progress(job.id(), done);
        return switch (scopeOf(job, model)) {
            case RescoreScope.Nobody nobody -> {
                jobs.reads(job.id(), model.version(), "no lead: the change moves no score", 0);
                yield new Outcome(Rescoring.Result.NOTHING, new long[0]);
            }
            case RescoreScope.Bounded bounded -> {
                long found = System.nanoTime();
                long[] ids = leadsInScope.of(bounded);
                log.info(
                        "{}: {} leads, found in {} ms",
                        bounded.describe(),
                        ids.length,
                        (System.nanoTime() - found) / 1_000_000);
                long all = rescoring.countLeads();
                if (ids.length > all / 2) {
                    // Most leads: the pass over everyone reads them faster (in id ranges, the next chunk while this
                    // one is written) than lists of ids would.
                    yield everyone(job, model, now, progress, all, bounded.describe() + ": most leads, so every lead");
                }
                jobs.reads(job.id(), model.version(), bounded.describe(), ids.length);
                yield new Outcome(rescoring.rescoreOnly(model, ids, now, progress), ids);
            }
            case RescoreScope.Everyone everyone ->
                everyone(job, model, now, progress, rescoring.countLeads(), "every lead");
        };
    }

    private Outcome everyone(
            RescoreJobs.RescoreJob job,
            ScoringModel model,
            Instant now,
            LongConsumer progress,
            long leads,
            String scope) {
        jobs.reads(job.id(), model.version(), scope, leads);
        return new Outcome(rescoring.rescoreAll(model, now, progress), null);
    }

    private RescoreScope scopeOf(RescoreJobs.RescoreJob job, ScoringModel model) {
        if (!job.modelChange()) {
            return new RescoreScope.Everyone();
        }
        return jobs.baseVersion(job.id())
                .flatMap(versions::find)
                .map(base -> RescoreScope.between(base.model(), model))
                .orElseGet(RescoreScope.Everyone::new);
    }
}
