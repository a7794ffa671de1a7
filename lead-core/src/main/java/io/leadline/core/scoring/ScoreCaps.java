package io.leadline.core.scoring;

/** Upper bounds on the fit points, the engagement points and the total; {@code null} for none. */
public record ScoreCaps(Integer fit, Integer engagement, Integer total) {

    public static final ScoreCaps NONE = new ScoreCaps(null, null, null);

    public ScoreCaps {
        for (Integer cap : new Integer[] {fit, engagement, total}) {
            if (cap != null && cap < 0) {
                throw new IllegalArgumentException("a cap cannot be negative");
            }
        }
    }
}
