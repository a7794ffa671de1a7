package io.leadline.core.webhook;

import io.leadline.core.lead.LifecycleStage;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a CRM can be told of, by the event name it subscribes to: a lead's move into a stage, or its score crossing the
 * MQL threshold (up or down, whatever its stage), two leads merged, an account becoming an MQA.
 */
public enum WebhookEvent {
    MQL("lead.mql", LifecycleStage.MQL),
    CLAIMED("lead.claimed", LifecycleStage.ACCEPTED),
    SQL("lead.sql", LifecycleStage.SQL),
    OPPORTUNITY("lead.opportunity", LifecycleStage.OPPORTUNITY),
    WON("lead.won", LifecycleStage.WON),
    LOST("lead.lost", LifecycleStage.LOST),
    DISQUALIFIED("lead.disqualified", LifecycleStage.DISQUALIFIED),
    RECYCLED("lead.recycled", LifecycleStage.RECYCLED),
    SCORE_CROSSED("score.crossed", null),
    MERGED("lead.merged", null),
    /** An account became marketing-qualified; the delivery's lead is its best contact. */
    ACCOUNT_MQA("account.mqa", null);

    private final String type;
    private final LifecycleStage stage;

    WebhookEvent(String type, LifecycleStage stage) {
        this.type = type;
        this.stage = stage;
    }

    /** The name in the delivery's body and in the endpoint's subscription: {@code lead.mql}. */
    public String type() {
        return type;
    }

    /** The event a move into this stage makes, if any (a move back to New makes none). */
    public static Optional<WebhookEvent> ofMoveTo(LifecycleStage stage) {
        return Arrays.stream(values())
                .filter(e -> e.stage != null && e.stage == stage)
                .findFirst();
    }

    public static WebhookEvent ofType(String type) {
        return Arrays.stream(values())
                .filter(e -> e.type.equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No webhook event is called '" + type + "'."));
    }
}
