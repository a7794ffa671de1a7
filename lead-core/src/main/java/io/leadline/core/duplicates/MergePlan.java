package io.leadline.core.duplicates;

import io.leadline.core.Refusal;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two leads about to become one: the survivor keeps its id, stage, owner and outcome; field by field its profile takes
 * the survivor's value or the merged lead's. By default a field takes the survivor's value, or the merged lead's where
 * the survivor has none. The merged lead's email, when the survivor keeps its own, is kept among
 * {@value #OTHER_EMAILS}; its external id is the survivor's when the survivor has none.
 */
public record MergePlan(Lead survivor, Lead merged) {

    /** The attribute that keeps the addresses of leads merged into this one. */
    public static final String OTHER_EMAILS = "other_emails";

    public MergePlan {
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(merged, "merged");
        if (Objects.equals(survivor.id(), merged.id())) {
            throw new Refusal("merge.self", "A lead cannot be merged into itself.");
        }
    }

    /** The plan a person is first shown: the lead further along the funnel survives, else the older one. */
    public static MergePlan suggested(Lead one, Lead other) {
        int byStage = Integer.compare(progress(one.stage()), progress(other.stage()));
        if (byStage == 0) {
            byStage = other.createdAt().compareTo(one.createdAt());
        }
        return byStage >= 0 ? new MergePlan(one, other) : new MergePlan(other, one);
    }

    private static int progress(LifecycleStage stage) {
        return switch (stage) {
            case NEW -> 0;
            case RECYCLED, DISQUALIFIED -> 1;
            case MQL -> 2;
            case ACCEPTED -> 3;
            case SQL -> 4;
            case OPPORTUNITY, LOST -> 5;
            case WON -> 6;
        };
    }

    /** The same two leads with the other one surviving. */
    public MergePlan swapped() {
        return new MergePlan(merged, survivor);
    }

    /** Leads owned by two different reps are merged by an admin only (one rep would lose a lead). */
    public boolean needsAdmin() {
        return survivor.owner() != null
                && merged.owner() != null
                && !survivor.owner().equals(merged.owner());
    }

    /** One row of the side-by-side view: a field and both values. */
    public record FieldChoice(String key, String label, String survivorValue, String mergedValue) {

        /** Whether the two differ (only then is there a choice). */
        public boolean differs() {
            return !Objects.equals(survivorValue, mergedValue);
        }

        /** Whether the merged lead's value is taken unless a person says otherwise. */
        public boolean mergedByDefault() {
            return survivorValue == null && mergedValue != null;
        }
    }

    /** Every field either lead has, profile fields first, then custom attributes by key. */
    public List<FieldChoice> fields() {
        List<FieldChoice> fields = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            fields.add(new FieldChoice(
                    field.key(), field.label(), value(survivor.profile(), field), value(merged.profile(), field)));
        }
        Set<String> keys = new TreeSet<>(survivor.profile().attributes().keySet());
        keys.addAll(merged.profile().attributes().keySet());
        keys.remove(OTHER_EMAILS);
        for (String key : keys) {
            fields.add(new FieldChoice(
                    key,
                    key,
                    blankToNull(survivor.profile().attributes().get(key)),
                    blankToNull(merged.profile().attributes().get(key))));
        }
        return List.copyOf(fields);
    }

    /** The keys a person who changes nothing takes from the merged lead. */
    public Set<String> defaultFromMerged() {
        Set<String> keys = new LinkedHashSet<>();
        fields().stream().filter(FieldChoice::mergedByDefault).forEach(f -> keys.add(f.key()));
        return keys;
    }

    /**
     * The survivor as it is after the merge: each field in {@code fromMerged} (keys of {@link #fields()}) takes the
     * merged lead's value, every other field keeps the survivor's.
     */
    public Lead result(Set<String> fromMerged) {
        LeadProfile mine = survivor.profile();
        LeadProfile theirs = merged.profile();
        Map<String, String> attributes = new TreeMap<>();
        for (String key : union(mine.attributes().keySet(), theirs.attributes().keySet())) {
            String value = fromMerged.contains(key)
                    ? theirs.attributes().get(key)
                    : mine.attributes().get(key);
            if (value != null && !value.isBlank()) {
                attributes.put(key, value);
            }
        }
        EmailAddress email = pick(fromMerged, LeadField.EMAIL, mine.email(), theirs.email());
        Set<String> otherEmails = new LinkedHashSet<>(split(mine.attributes().get(OTHER_EMAILS)));
        otherEmails.addAll(split(theirs.attributes().get(OTHER_EMAILS)));
        for (EmailAddress address : new EmailAddress[] {mine.email(), theirs.email()}) {
            if (address != null && !address.equals(email)) {
                otherEmails.add(address.value());
            }
        }
        if (email != null) {
            otherEmails.remove(email.value());
        }
        attributes.remove(OTHER_EMAILS);
        if (!otherEmails.isEmpty()) {
            attributes.put(OTHER_EMAILS, String.join(", ", otherEmails));
        }
        LeadProfile profile = new LeadProfile(
                pick(fromMerged, LeadField.FULL_NAME, mine.fullName(), theirs.fullName()),
                email,
                pick(fromMerged, LeadField.COMPANY, mine.company(), theirs.company()),
                pick(fromMerged, LeadField.JOB_TITLE, mine.jobTitle(), theirs.jobTitle()),
                pick(fromMerged, LeadField.COMPANY_SIZE, mine.companySize(), theirs.companySize()),
                pick(fromMerged, LeadField.COUNTRY, mine.country(), theirs.country()),
                pick(fromMerged, LeadField.SOURCE, mine.source(), theirs.source()),
                attributes);
        String externalId = survivor.externalId() != null ? survivor.externalId() : merged.externalId();
        return new Lead(
                survivor.id(),
                survivor.version(),
                externalId,
                profile,
                survivor.stage(),
                survivor.owner(),
                survivor.revisitOn(),
                survivor.createdAt().isBefore(merged.createdAt()) ? survivor.createdAt() : merged.createdAt(),
                survivor.stageByScore());
    }

    /** The keys of {@code fromMerged} whose value the merge actually changes, for the audit entry and the event. */
    public List<String> taken(Set<String> fromMerged) {
        return fields().stream()
                .filter(f -> fromMerged.contains(f.key()) && f.differs())
                .map(FieldChoice::key)
                .toList();
    }

    private static <T> T pick(Set<String> fromMerged, LeadField field, T mine, T theirs) {
        return fromMerged.contains(field.key()) ? theirs : mine;
    }

    private static String value(LeadProfile profile, LeadField field) {
        Object value = switch (field) {
            case FULL_NAME -> profile.fullName();
            case EMAIL -> profile.email() == null ? null : profile.email().value();
            case COMPANY -> profile.company();
            case JOB_TITLE -> profile.jobTitle();
            case COMPANY_SIZE -> profile.companySize();
            case COUNTRY -> profile.country();
            case SOURCE -> profile.source();
        };
        return value == null ? null : value.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> split(String addresses) {
        if (addresses == null || addresses.isBlank()) {
            return List.of();
        }
        return Arrays.stream(addresses.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
