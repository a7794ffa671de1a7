package io.leadline.persistence.inbox;

import io.leadline.core.inbox.AlertMode;
import io.leadline.core.inbox.Alerts;
import io.leadline.core.inbox.InboxItem;
import io.leadline.persistence.PostgresArrays;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Alerts} on {@code app_user.email}, {@code app_user.alert_mode} and {@code inbox_item.mailed_at}: notices are
 * taken with {@code FOR UPDATE SKIP LOCKED} and a lease, so two instances never mail the same one at once.
 */
@Repository
class JdbcAlerts implements Alerts {

    private final JdbcClient jdbc;

    JdbcAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Set<InboxItem.Kind> kinds(Array stored) throws SQLException {
        return stored == null
                ? null
                : Arrays.stream(PostgresArrays.strings(stored))
                        .map(InboxItem.Kind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(InboxItem.Kind.class)));
    }

    @Override
    public Preference preference(String username) {
        return jdbc.sql("select email, alert_mode, alert_kinds from app_user where username = ?")
                .param(username)
                .query((rs, n) ->
                        new Preference(rs.getString(1), AlertMode.valueOf(rs.getString(2)), kinds(rs.getArray(3))))
                .optional()
                .orElse(new Preference(null, AlertMode.INSTANT));
    }

    @Override
    public void save(String username, Preference preference) {
        boolean every = preference.kinds().containsAll(EnumSet.allOf(InboxItem.Kind.class));
        jdbc.sql("update app_user set email = ?, alert_mode = ?, alert_kinds = ?::text[] where username = ?")
                .params(
                        preference.email(),
                        preference.mode().name(),
                        every
                                ? null
                                : PostgresArrays.literal(preference.kinds().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList()),
                        username)
                .update();
    }

    @Override
    @Transactional
    public List<Mail> takeDue(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> rows = jdbc.sql("""
                        update inbox_item i set mail_lease_until = :lease
                        from app_user u
                        where u.username = i.username and i.id in (
                            select n.id from inbox_item n join app_user w on w.username = n.username
                            where n.mailed_at is null and (n.mail_lease_until is null or n.mail_lease_until < :now)
                              and w.enabled and w.email is not null
                              and (w.alert_kinds is null or n.kind = any (w.alert_kinds))
                              and (w.alert_mode = 'INSTANT' or w.alert_mode = 'HOURLY' and exists (
                                   select 1 from inbox_item o where o.username = n.username and o.mailed_at is null
                                   and (w.alert_kinds is null or o.kind = any (w.alert_kinds)) and o.at <= :digestFrom))
                            order by n.id limit :limit
                            for update of n skip locked)
                        returning i.id, i.username, i.kind, i.lead_id, i.text, i.at, u.email, u.alert_mode""")
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("digestFrom", Timestamp.from(now.minus(DIGEST)))
                .param("limit", limit)
                .query((rs, n) -> new Object[] {
                    new InboxItem(
                            rs.getLong("id"),
                            rs.getString("username"),
                            InboxItem.Kind.valueOf(rs.getString("kind")),
                            rs.getLong("lead_id"),
                            rs.getString("text"),
                            rs.getTimestamp("at").toInstant(),
                            null),
                    rs.getString("email"),
                    AlertMode.valueOf(rs.getString("alert_mode"))
                })
                .list();
        List<Mail> mails = new ArrayList<>();
        Map<String, List<InboxItem>> digests = new LinkedHashMap<>();
        Map<String, String> digestEmails = new LinkedHashMap<>();
        rows.stream()
                .sorted(Comparator.comparingLong(r -> ((InboxItem) r[0]).id()))
                .forEach(r -> {
                    InboxItem item = (InboxItem) r[0];
                    if (r[2] == AlertMode.HOURLY) {
                        digests.computeIfAbsent(item.username(), u -> new ArrayList<>())
                                .add(item);
                        digestEmails.put(item.username(), (String) r[1]);
                    } else {
                        mails.add(new Mail(item.username(), (String) r[1], AlertMode.INSTANT, List.of(item)));
                    }
                });
        digests.forEach((user, items) ->
                mails.add(new Mail(user, digestEmails.get(user), AlertMode.HOURLY, List.copyOf(items))));
        return mails;
    }

    @Override
    public void mailed(List<Long> itemIds, Instant at) {
        if (!itemIds.isEmpty()) {
            jdbc.sql("update inbox_item set mailed_at = :at, mail_lease_until = null where id in (:ids)")
                    .param("at", Timestamp.from(at))
                    .param("ids", itemIds)
                    .update();
        }
    }
}
