package io.leadline.core.activity;

import java.util.List;

/** What each lead did. Implemented by lead-persistence. */
public interface Activities {

    void record(long leadId, Activity activity, String recordedBy);

    /** The lead's activities, oldest first. */
    List<Activity> of(long leadId);
}
