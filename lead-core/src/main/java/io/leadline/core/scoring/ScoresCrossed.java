package io.leadline.core.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored leads whose new score crossed the MQL threshold's points, up or down, whatever their stage: a claimed lead
 * heating up again, an SQL going cold, a recycled lead waking in nurture. Published in the transaction that stored the
 * scores and delivered after it commits, at least once (the {@code score.crossed} webhook listens). A lead scored for
 * the first time crosses nothing: it starts where it starts.
 */
public record ScoresCrossed(List<Crossing> crossings, Instant at) {

    /** The most crossings one event names; more are split into several events. */
    public static final int MAX_CROSSINGS = 10_000;

    public ScoresCrossed {
        crossings = List.copyOf(crossings);
        Objects.requireNonNull(at, "at");
        if (crossings.isEmpty() || crossings.size() > MAX_CROSSINGS) {
            throw new IllegalArgumentException(
                    "An event names 1 to " + MAX_CROSSINGS + " crossings, not " + crossings.size());
        }
    }

    public enum Direction {
        UP,
        DOWN;

        /** As a webhook receiver reads it: {@code up} or {@code down}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One lead's score went from {@code from} to {@code to} across {@code threshold} points. */
    public record Crossing(long leadId, int from, int to, int threshold) {

        public Crossing {
            if (direction(from, to, threshold).isEmpty()) {
                throw new IllegalArgumentException(from + " → " + to + " does not cross " + threshold);
            }
        }

        public Direction direction() {
            return direction(from, to, threshold).orElseThrow();
        }

        /**
         * The crossing a rescore makes, if any: up when the old score was below the threshold and the new one reaches
         * it, down when the old one reached it and the new one is below.
         */
        public static Optional<Crossing> of(long leadId, int from, int to, int threshold) {
            return direction(from, to, threshold).map(d -> new Crossing(leadId, from, to, threshold));
        }

        private static Optional<Direction> direction(int from, int to, int threshold) {
            if (from < threshold && to >= threshold) {
                return Optional.of(Direction.UP);
            }
            if (from >= threshold && to < threshold) {
                return Optional.of(Direction.DOWN);
            }
            return Optional.empty();
        }
    }

    /** Events naming these crossings, {@link #MAX_CROSSINGS} at most each; none for none. */
    public static List<ScoresCrossed> of(List<Crossing> crossings, Instant at) {
        List<ScoresCrossed> events = new ArrayList<>();
        for (int from = 0; from < crossings.size(); from += MAX_CROSSINGS) {
            events.add(
                    new ScoresCrossed(crossings.subList(from, Math.min(crossings.size(), from + MAX_CROSSINGS)), at));
        }
        return events;
    }
}
