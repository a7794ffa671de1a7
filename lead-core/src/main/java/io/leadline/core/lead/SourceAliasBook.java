package io.leadline.core.lead;

import java.time.Instant;
import java.util.List;

/** Where the merged sources are kept, and the sources in use with how many leads each has. */
public interface SourceAliasBook {

    SourceAliases current();

    /** Every source leads carry, with its count, most leads first. */
    List<SourceUse> inUse();

    /**
     * Merges {@code alias} into {@code into}: stores the aliases {@link SourceAliases#merging} gives and moves the leads
     * of the merged source over; answers the two sources as stored and how many leads moved.
     *
     * @throws IllegalArgumentException when {@link SourceAliases#problemsMerging} names a problem
     */
    Merge merge(String alias, String into, String by, Instant at);

    /** A merge done: the source merged, the source it went into (an alias's own source if it named one), leads moved. */
    record Merge(String source, String into, int leadsMoved) {}

    /** New leads with {@code alias} keep it again (the leads merged before stay merged); false when it was no alias. */
    boolean forget(String alias);

    /** Each alias with the source it was merged into, when and by whom, by source. */
    List<Merged> merged();

    record Merged(String alias, String source, String mergedBy, Instant mergedAt) {}

    /** A source and how many leads carry it. */
    record SourceUse(String source, long leads) {}
}
