package io.leadline.core.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle stage the words of a CRM's status or lifecycle column mean: HubSpot's lifecycle stages and lead
 * statuses, Salesforce's lead statuses ({@code Open - Not Contacted}, {@code Working - Contacted}, {@code Closed -
 * Converted}), and the usual words of other CRMs. Compared by {@link FieldKey} ({@code Closed Won}, {@code closed_won}
 * and {@code CLOSED-WON} are one word). The mapping page offers them as the first choice of each value.
 */
public final class StageWords {

    private static final Map<String, LifecycleStage> WORDS = new HashMap<>();

    static {
        words(
                LifecycleStage.NEW,
                "new",
                "open",
                "lead",
                "subscriber",
                "new lead",
                "not contacted",
                "open not contacted",
                "untouched",
                "raw",
                "fresh",
                "unread",
                "uncontacted");
        words(
                LifecycleStage.MQL,
                "mql",
                "marketing qualified",
                "marketing qualified lead",
                "marketingqualifiedlead",
                "mql marketing qualified lead");
        words(
                LifecycleStage.ACCEPTED,
                "working",
                "working contacted",
                "contacted",
                "in progress",
                "attempted to contact",
                "attempting contact",
                "attempting to contact",
                "accepted",
                "sal",
                "sales accepted",
                "sales accepted lead",
                "connected",
                "engaged",
                "follow up");
        words(LifecycleStage.SQL, "sql", "qualified", "sales qualified", "sales qualified lead", "salesqualifiedlead");
        words(
                LifecycleStage.OPPORTUNITY,
                "opportunity",
                "converted",
                "closed converted",
                "deal",
                "proposal",
                "negotiation",
                "open opportunity",
                "demo scheduled",
                "meeting booked");
        words(
                LifecycleStage.WON,
                "won",
                "closed won",
                "closedwon",
                "win",
                "customer",
                "client",
                "purchased",
                "paid",
                "evangelist",
                "signed");
        words(LifecycleStage.LOST, "lost", "closed lost", "closedlost", "loss");
        words(
                LifecycleStage.DISQUALIFIED,
                "disqualified",
                "unqualified",
                "closed not converted",
                "junk",
                "junk lead",
                "bad data",
                "spam",
                "bad fit",
                "not a fit",
                "invalid",
                "not interested",
                "do not contact",
                "dnc");
        words(
                LifecycleStage.RECYCLED,
                "nurture",
                "nurturing",
                "recycled",
                "recycle",
                "long term nurture",
                "future interest",
                "not now",
                "on hold");
    }

    private StageWords() {}

    private static void words(LifecycleStage stage, String... words) {
        for (String word : List.of(words)) {
            if (WORDS.put(FieldKey.of(word), stage) != null) {
                throw new IllegalStateException(word + " means two stages");
            }
        }
    }

    /** The stage the value names, empty when it is not a word we know. */
    public static Optional<LifecycleStage> stageOf(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(WORDS.get(FieldKey.of(value)));
    }
}
