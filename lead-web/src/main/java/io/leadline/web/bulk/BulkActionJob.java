package io.leadline.web.bulk;

import io.leadline.core.bulk.BulkAction;
import io.leadline.core.bulk.BulkJobs;
import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.SegmentMembers;
import io.leadline.core.qualification.NotSalesReadyException;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.web.jobs.BackgroundJob;
import io.leadline.web.qualification.SalesActions;
import io.leadline.web.queue.LeadAssignment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a bulk action: each selected lead in turn through the service a single action uses (its own transaction, so
 * rules, events, the audit trail and the webhooks apply per lead), chunk by chunk with progress stored; a lead the
 * action cannot move is refused with the service's own reason. Taken over where it stopped when an instance dies.
 */
@Component
class BulkActionJob implements BackgroundJob<BulkJobs.Job> {

    static final int CHUNK = 100;

    private final BulkJobs jobs;
    private final SalesActions sales;
    private final LeadAssignment assignment;
    private final SegmentMembers segments;
    private final Clock clock;

    BulkActionJob(BulkJobs jobs, SalesActions sales, LeadAssignment assignment, SegmentMembers segments, Clock clock) {
        this.segments = segments;
        this.jobs = jobs;
        this.sales = sales;
        this.assignment = assignment;
        this.clock = clock;
    }

    @Override
    public JobLeases.JobTable table() {
        return JobLeases.JobTable.BULK_ACTION;
    }

    @Override
    public Optional<BulkJobs.Job> claim(String worker, Instant now, Instant staleBefore) {
        return jobs.claimNext(worker, now, staleBefore);
    }

    @Override
    public long id(BulkJobs.Job job) {
        return job.id();
    }

    @Override
    public void run(BulkJobs.Job job) {
        List<Long> leads = jobs.leads(job.id());
        SalesActions.Actor actor = new SalesActions.Actor(job.requestedBy(), job.admin());
        for (int from = job.done(); from < leads.size(); from += CHUNK) {
            List<Long> chunk = leads.subList(from, Math.min(leads.size(), from + CHUNK));
            if (!job.action().kind().move()) {
                membership(job, chunk, from + chunk.size());
                continue;
            }
            int changed = 0;
            List<BulkJobs.Refusal> refusals = new ArrayList<>();
            for (long leadId : chunk) {
                try {
                    apply(job.action(), leadId, actor);
                    changed++;
                } catch (IllegalArgumentException
                        | IllegalStateException
                        | IllegalStageChangeException
                        | LeadAlreadyClaimedException
                        | NotSalesReadyException
                        | NoSuchElementException
                        | ConcurrencyFailureException e) {
                    refusals.add(new BulkJobs.Refusal(leadId, reason(e)));
                }
            }
            jobs.progress(job.id(), Math.min(leads.size(), from + CHUNK), changed, refusals);
        }
        jobs.finish(job.id(), Instant.now(clock));
    }

    private void apply(BulkAction action, long leadId, SalesActions.Actor actor) {
        switch (action.kind()) {
            case ASSIGN -> assignment.assignByAdmin(leadId, action.rep(), actor.username());
            case DISQUALIFY -> sales.disqualify(leadId, actor, action.reasonCode(), action.note());
            case RECYCLE -> sales.recycle(leadId, actor, action.revisitOn(), action.note());
            case ADD_TO_SEGMENT, REMOVE_FROM_SEGMENT -> throw new IllegalStateException("not a move: " + action.kind());
        }
    }

    /** A chunk added to or taken out of a segment list in one statement; the leads it did not change are refused. */
    private void membership(BulkJobs.Job job, List<Long> chunk, int done) {
        boolean add = job.action().kind() == BulkAction.Kind.ADD_TO_SEGMENT;
        Set<Long> changed = new HashSet<>(
                add
                        ? segments.add(job.action().segmentId(), chunk, job.requestedBy(), Instant.now(clock))
                        : segments.remove(job.action().segmentId(), chunk));
        List<BulkJobs.Refusal> refusals = chunk.stream()
                .filter(id -> !changed.contains(id))
                .map(id -> new BulkJobs.Refusal(id, add ? "Already in the segment (or gone)." : "Not in the segment."))
                .toList();
        jobs.progress(job.id(), done, changed.size(), refusals);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof NoSuchElementException) {
            return "The lead is gone (merged or erased).";
        }
        if (e instanceof ConcurrencyFailureException) {
            return "Someone changed the lead at the same moment.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        jobs.fail(id, message, at);
    }

    @Override
    public String failurePrefix() {
        return "The bulk action failed: ";
    }
}
