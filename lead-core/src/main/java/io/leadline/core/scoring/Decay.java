package io.leadline.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How engagement fades with age, so a lead that went quiet falls back. A factor is never above 1 and never
 * grows with age.
 */
public sealed interface Decay {

    /** The share of an activity's points still counted after {@code ageDays} days. */
    double factor(double ageDays);

    /** Engagement never fades. */
    record None() implements Decay {
        @Override
        public double factor(double ageDays) {
            return 1.0;
        }
    }

    /** Points halve every {@code days} days. */
    record HalfLife(int days) implements Decay {
        public HalfLife {
            if (days < 1) {
                throw new IllegalArgumentException("a half-life is at least one day");
            }
        }

        @Override
        public double factor(double ageDays) {
            return ageDays <= 0 ? 1.0 : Math.pow(0.5, ageDays / days);
        }
    }

    /** Points keep a share by age band, e.g. 100 % up to 30 days, 50 % up to 90 days, 0 after. */
    record Stepped(List<Step> steps) implements Decay {
        public Stepped {
            steps = steps.stream()
                    .sorted(Comparator.comparingInt(Step::olderThanDays))
                    .toList();
            double previous = 1.0;
            for (Step step : steps) {
                if (step.factor() > previous) {
                    throw new IllegalArgumentException("decay steps must not rise with age: " + step.factor()
                            + " after " + step.olderThanDays() + " days is above " + previous);
                }
                previous = step.factor();
            }
        }

        /**
         * Steps as an admin writes them and the model stores them: "30:50, 90:0" — activities older than 30 days keep
         * 50 % of their points, older than 90 days none. Refused with a message that says what to write.
         */
        public static Stepped parse(String text) {
            List<Step> steps = new ArrayList<>();
            for (String part : text.split("[,;]")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] ageAndShare = part.strip().split("\\s*:\\s*");
                try {
                    if (ageAndShare.length != 2) {
                        throw new NumberFormatException();
                    }
                    int days = Integer.parseInt(ageAndShare[0].strip());
                    int percent =
                            Integer.parseInt(ageAndShare[1].replace("%", "").strip());
                    if (percent < 0 || percent > 100 || days < 0) {
                        throw new IllegalArgumentException(
                                "Each step keeps 0 to 100 % after 0 days or more, not '" + part.strip() + "'.");
                    }
                    steps.add(new Step(days, percent / 100.0));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Write each step as days:percent kept, e.g. \"30:50, 90:0\" "
                            + "(older than 30 days keep 50 %, older than 90 days none); '" + part.strip()
                            + "' is not one.");
                }
            }
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("Stepped decay needs at least one step, e.g. \"30:50, 90:0\".");
            }
            if (steps.stream().map(Step::olderThanDays).distinct().count() < steps.size()) {
                throw new IllegalArgumentException("Each age appears in one step only.");
            }
            return new Stepped(steps);
        }

        /** "30:50, 90:0": what {@link #parse} reads. */
        public String text() {
            return steps.stream()
                    .map(s -> s.olderThanDays() + ":" + Math.round(s.factor() * 100))
                    .collect(Collectors.joining(", "));
        }

        @Override
        public double factor(double ageDays) {
            double factor = 1.0;
            for (Step step : steps) {
                if (ageDays > step.olderThanDays()) {
                    factor = step.factor();
                }
            }
            return factor;
        }
    }

    /** Activities older than {@code olderThanDays} keep {@code factor} of their points. */
    record Step(int olderThanDays, double factor) {
        public Step {
            if (olderThanDays < 0 || factor < 0 || factor > 1) {
                throw new IllegalArgumentException(
                        "a decay step needs an age of 0 days or more and a factor from 0 to 1");
            }
        }
    }
}
