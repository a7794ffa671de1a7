package io.leadline.core.queue;

import io.leadline.core.Refusal;
import io.leadline.core.activity.ActivityType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which leads raised their hand: a lead in the sales queue with one of these activities (a demo request, a pricing-page
 * visit, a contact-sales form…) within the last {@code days} days is hot — its own lane at the top of the queue, the most
 * recent first. No types: no hot lane.
 */
public record HandRaisers(Set<ActivityType> types, int days) {

    public static final int MAX_DAYS = 90;

    public HandRaisers {
        types = Set.copyOf(types);
        if (days < 1 || days > MAX_DAYS) {
            throw new Refusal("handRaise.days", "A hand-raise counts for 1 to " + MAX_DAYS + " days.", MAX_DAYS);
        }
    }

    /** Demo requests, pricing-page visits and contact-sales forms within the last 7 days. */
    public static HandRaisers standard() {
        return new HandRaisers(
                Set.of(ActivityType.DEMO_REQUEST, ActivityType.PRICING_PAGE_VISIT, new ActivityType("contact_sales")),
                7);
    }

    /**
     * The types an admin typed, separated by commas, semicolons or new lines ({@code "demo_request, pricing_page_visit"}),
     * each a valid activity type key.
     */
    public static HandRaisers parse(String types, int days) {
        Set<ActivityType> parsed = Arrays.stream(types == null ? new String[0] : types.split("[,;\\r\\n]+"))
                .filter(t -> !t.isBlank())
                .map(ActivityType::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new HandRaisers(parsed, days);
    }

    public boolean off() {
        return types.isEmpty();
    }

    /** A hand-raise counts from this instant on. */
    public Instant since(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    /** Whether an activity of this type at {@code at} makes the lead hot at {@code now}. */
    public boolean raisedBy(ActivityType type, Instant at, Instant now) {
        return types.contains(type) && !at.isBefore(since(now));
    }

    /** The types as an admin reads them, sorted: {@code "demo_request, pricing_page_visit"}. */
    public String typesText() {
        return types.stream().map(ActivityType::key).sorted().collect(Collectors.joining(", "));
    }
}
