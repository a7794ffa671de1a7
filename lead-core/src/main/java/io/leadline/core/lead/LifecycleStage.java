package io.leadline.core.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands between first touch and closed deal, and which moves are legal from each stage. */
public enum LifecycleStage {
    NEW("New"),
    MQL("Marketing qualified"),
    ACCEPTED("Accepted by sales"),
    SQL("Sales qualified"),
    OPPORTUNITY("Opportunity"),
    WON("Won"),
    LOST("Lost"),
    DISQUALIFIED("Disqualified"),
    RECYCLED("Recycled to nurture");

    private final String label;

    LifecycleStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stages a lead may move to from this one. */
    public Set<LifecycleStage> next() {
        return switch (this) {
            case NEW -> EnumSet.of(MQL, DISQUALIFIED, RECYCLED);
            case MQL -> EnumSet.of(NEW, ACCEPTED, DISQUALIFIED, RECYCLED);
            case ACCEPTED -> EnumSet.of(SQL, DISQUALIFIED, RECYCLED);
            case SQL -> EnumSet.of(OPPORTUNITY, LOST, DISQUALIFIED, RECYCLED);
            case OPPORTUNITY -> EnumSet.of(WON, LOST);
            case RECYCLED -> EnumSet.of(NEW, MQL, DISQUALIFIED);
            case WON, LOST, DISQUALIFIED -> EnumSet.noneOf(LifecycleStage.class);
        };
    }

    public boolean canMoveTo(LifecycleStage target) {
        return next().contains(target);
    }

    /** Stages a sales rep works from the sales queue. */
    public boolean inSalesQueue() {
        return this == MQL || this == ACCEPTED || this == SQL;
    }

    /** Stages of leads that no longer count for their account: ruled out or lost. */
    public static Set<LifecycleStage> ruledOut() {
        return EnumSet.of(DISQUALIFIED, LOST);
    }

    public static Set<LifecycleStage> salesQueueStages() {
        return EnumSet.of(MQL, ACCEPTED, SQL);
    }
}
