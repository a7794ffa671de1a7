package io.leadline.persistence.lead;

import io.leadline.core.activity.Activities;
import io.leadline.core.activity.ActivitiesRecorded;
import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Activities} on the {@code activity} table; each one stored is announced ({@link ActivitiesRecorded}). */
@Repository
class JdbcActivities implements Activities {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcActivities(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void record(long leadId, Activity activity, String recordedBy) {
        String detail = activity.detail() == null
                ? null
                : activity.detail() + (recordedBy == null ? "" : " (logged by " + recordedBy + ")");
        jdbc.sql("insert into activity (lead_id, type, occurred_at, detail) values (?, ?, ?, ?)")
                .params(leadId, activity.type().key(), Timestamp.from(activity.at()), detail)
                .update();
        events.publishEvent(new ActivitiesRecorded(
                List.of(new ActivitiesRecorded.Recorded(leadId, activity.type().key(), activity.at()))));
    }

    @Override
    public List<Activity> of(long leadId) {
        return jdbc.sql("select type, occurred_at, detail from activity where lead_id = ? order by occurred_at, id")
                .param(leadId)
                .query((rs, n) -> new Activity(
                        new ActivityType(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }
}
