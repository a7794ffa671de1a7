package io.leadline.core.activity;

import java.time.Instant;
import java.util.Objects;

/** One thing a lead did, when. {@code detail} is free text such as the page URL or the asset name. */
public record Activity(ActivityType type, Instant at, String detail) {

    public Activity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static Activity of(ActivityType type, Instant at) {
        return new Activity(type, at, null);
    }
}
