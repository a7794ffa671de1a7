package io.leadline.web.api;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.api.ApiRequests;
import io.leadline.persistence.lead.ActivityIngest;
import io.leadline.persistence.lead.ActivityIngest.LeadActivity;
import io.leadline.persistence.scoring.Rescoring;
import io.leadline.web.api.ActivityResources.IngestResult;
import io.leadline.web.api.ActivityResources.TrackedEvent;
import io.leadline.web.api.ApiProblems.FieldError;
import io.leadline.web.api.ApiProblems.InvalidInputException;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of tracked events in, whole or not at all, in one transaction: checks every event, finds and locks
 * their leads (creating a lead for an unknown email, or refusing the batch, as {@code leadline.api.unknown-email}
 * says), stores the events, rescores the leads they touched with the live model (so scores are fresh when the call
 * returns), and keeps the answer under the batch's idempotency key so a re-send is answered the same, doing nothing.
 */
@Service
public class ActivityIngestion {

    static final int MAX_BATCH = 1000;
    /** Clocks disagree a little; an event further in the future than this is refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What to do with an event for an email no lead has. */
    public enum UnknownEmail {
        CREATE,
        REJECT
    }

    private final ActivityIngest ingest;
    private final ApiRequests requests;
    private final Leads leads;
    private final Rescoring rescoring;
    private final ScoringModels models;
    private final JsonMapper json;
    private final Clock clock;
    private final UnknownEmail unknownEmail;
    private final Duration retention;
    private final LeadLikelihood likelihood;

    ActivityIngestion(
            ActivityIngest ingest,
            ApiRequests requests,
            Leads leads,
            Rescoring rescoring,
            ScoringModels models,
            JsonMapper json,
            Clock clock,
            @Value("${leadline.api.unknown-email:CREATE}") UnknownEmail unknownEmail,
            @Value("${leadline.api.idempotency-retention:7d}") Duration retention,
            LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.retention = retention;
        this.ingest = ingest;
        this.requests = requests;
        this.leads = leads;
        this.rescoring = rescoring;
        this.models = models;
        this.json = json;
        this.clock = clock;
        this.unknownEmail = unknownEmail;
    }

    /** The answer to give: its status, its JSON body, and whether it is the stored answer to an earlier send. */
    public record Answer(int status, String body, boolean replayed) {}

    @Transactional
    public Answer ingest(ApiClient client, String idempotencyKey, String requestHash, List<TrackedEvent> events) {
        // Postgres keeps microseconds and rounds: a nanosecond "now" could be stored a little in the future, where
        // scoring does not count it yet.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Event> checked = check(events, now);
        Optional<ApiRequests.Earlier> earlier = requests.begin(client.tokenId(), idempotencyKey, requestHash, now);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new InvalidInputException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "This Idempotency-Key was used for a different "
                                + "batch. Use a new key for every new batch, and the same key only to re-send the same batch.",
                        List.of(new FieldError("Idempotency-Key", "used before for a different request")));
            }
            return new Answer(earlier.get().status(), earlier.get().body(), true);
        }

        Set<Long> ids = new TreeSet<>();
        Set<String> emails = new LinkedHashSet<>();
        checked.forEach(e -> {
            if (e.leadId != null) {
                ids.add(e.leadId);
            } else {
                emails.add(e.email.value());
            }
        });
        ActivityIngest.Found found = ingest.lock(ids, emails);
        Map<String, Long> created = new LinkedHashMap<>();
        List<FieldError> unknown = new ArrayList<>();
        for (Event e : checked) {
            if (e.leadId != null && !found.byId().containsKey(e.leadId)) {
                unknown.add(new FieldError("items[" + e.index + "].leadId", "there is no lead " + e.leadId));
            } else if (e.email != null
                    && !found.byEmail().containsKey(e.email.value())
                    && !created.containsKey(e.email.value())) {
                if (unknownEmail == UnknownEmail.REJECT) {
                    unknown.add(
                            new FieldError("items[" + e.index + "].email", "no lead has the email " + e.email.value()));
                } else {
                    created.put(e.email.value(), anonymousLead(e.email, now));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The batch names leads that do not exist; nothing was stored.",
                    unknown);
        }

        List<LeadActivity> activities = new ArrayList<>(checked.size());
        Set<Long> touched = new TreeSet<>();
        for (Event e : checked) {
            long leadId = e.leadId != null
                    ? found.byId().get(e.leadId)
                    : found.byEmail().getOrDefault(e.email.value(), created.get(e.email.value()));
            activities.add(new LeadActivity(leadId, e.activity));
            touched.add(leadId);
        }
        Rescoring.Result rescored = storeAndRescore(activities, touched, now);

        String body = json.writeValueAsString(
                new IngestResult(activities.size(), created.size(), (int) rescored.leads(), (int) rescored.moved()));
        requests.finish(client.tokenId(), idempotencyKey, HttpStatus.OK.value(), body);
        return new Answer(HttpStatus.OK.value(), body, false);
    }

    /**
     * Records activities that arrived other than by the API (tracked website visits, email opens and clicks) on leads
     * known by id, through the same path as a batch: the leads' score rows are locked in id order, the activities stored
     * and announced, and each lead rescored once with the live model. Leads that no longer exist are skipped.
     */
    @Transactional
    public void recordFor(Map<Long, List<Activity>> byLead) {
        if (byLead.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ActivityIngest.Found found = ingest.lock(new TreeSet<>(byLead.keySet()), List.of());
        List<LeadActivity> activities = new ArrayList<>();
        Set<Long> touched = new TreeSet<>();
        byLead.forEach((asked, list) -> {
            Long lead = found.byId().get(asked); // a merged lead's events are its survivor's
            if (lead != null) {
                list.forEach(a -> activities.add(
                        new LeadActivity(lead, a.at().isAfter(now) ? new Activity(a.type(), now, a.detail()) : a)));
                touched.add(lead);
            }
        });
        storeAndRescore(activities, touched, now);
    }

    /** Stores the activities (their leads' score rows locked already) and rescores the leads they touched, once each. */
    private Rescoring.Result storeAndRescore(List<LeadActivity> activities, Set<Long> touched, Instant now) {
        ingest.insertAll(activities);
        Rescoring.Result rescored = rescoring.rescore(
                models.active(), touched.stream().mapToLong(Long::longValue).toArray(), now);
        likelihood.refresh(touched);
        return rescored;
    }

    /** Idempotency keys are kept {@code leadline.api.idempotency-retention} (7 days); older ones are forgotten hourly. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 17 * * * *")
    void forgetOldKeys() {
        requests.forgetBefore(Instant.now(clock).minus(retention));
    }

    private record Event(int index, EmailAddress email, Long leadId, Activity activity) {}

    /** Every event checked before anything is stored; all problems are reported at once. */
    private static List<Event> check(List<TrackedEvent> events, Instant now) {
        List<Event> checked = new ArrayList<>(events.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            TrackedEvent e = events.get(i);
            String at = "items[" + i + "].";
            EmailAddress email = null;
            if (e.leadId() == null && (e.email() == null || e.email().isBlank())) {
                errors.add(new FieldError(at + "email", "name the lead by email or leadId"));
            } else if (e.leadId() == null) {
                email = EmailAddress.parse(e.email()).orElse(null);
                if (email == null) {
                    errors.add(new FieldError(at + "email", "not an email address: " + e.email()));
                }
            }
            ActivityType type = null;
            if (e.type() == null || e.type().isBlank()) {
                errors.add(new FieldError(at + "type", "say what happened, e.g. email_open or page_visit"));
            } else {
                try {
                    type = ActivityType.tracked(e.type(), e.url());
                } catch (IllegalArgumentException bad) {
                    errors.add(new FieldError(at + "type", bad.getMessage()));
                }
            }
            Instant when = e.occurredAt() == null ? now : e.occurredAt().truncatedTo(ChronoUnit.MICROS);
            if (when.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new FieldError(at + "occurredAt", "is in the future"));
            } else if (when.isAfter(now)) {
                // The sender's clock runs a little ahead: count the event now, or scoring would ignore it until then.
                when = now;
            }
            if (type != null && (email != null || e.leadId() != null)) {
                String detail = e.url() != null && !e.url().isBlank()
                        ? e.url().strip()
                                + (e.detail() == null || e.detail().isBlank()
                                        ? ""
                                        : " — " + e.detail().strip())
                        : e.detail() == null || e.detail().isBlank()
                                ? null
                                : e.detail().strip();
                checked.add(new Event(i, email, e.leadId(), new Activity(type, when, detail)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    HttpStatus.BAD_REQUEST,
                    "The batch has " + errors.size() + (errors.size() == 1 ? " invalid event" : " invalid events")
                            + "; nothing was stored.",
                    errors);
        }
        return checked;
    }

    /** A lead known only by the address an event came from; marketers complete it later. */
    private long anonymousLead(EmailAddress email, Instant now) {
        return leads.save(Lead.capture(new LeadProfile(email.value(), email, null, null, null, null, null, null), now))
                .id();
    }
}
