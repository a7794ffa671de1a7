package io.leadline.core.scoring;

import java.util.Comparator;
import java.util.List;

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
            steps = steps.stream().sorted(Comparator.comparingInt(Step::olderThanDays)).toList();
            double previous = 1.0;
            for (Step step : steps) {
                if (step.factor() > previous) {
                    throw new IllegalArgumentException("decay steps must not rise with age: " + step.factor()
                            + " after " + step.olderThanDays() + " days is above " + previous);
                }
                previous = step.factor();
            }
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
                throw new IllegalArgumentException("a decay step needs an age of 0 days or more and a factor from 0 to 1");
            }
        }
    }
}
