package io.leadline.persistence.tracking;

import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.PageView;
import io.leadline.core.tracking.WebsiteHits;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hits from the tracking snippet, and the visitors they came from. A batch is stored in two statements: the visitors
 * are upserted in id order (which also serialises a batch with a stitch of the same visitor: either the stitch sees
 * the batch's hits, or the batch sees the visitor's lead), then the hits go in as one insert.
 */
@Repository
class JdbcWebsiteHits implements WebsiteHits {

    private final JdbcTemplate jdbc;
    private final TrackingPartitions partitions;

    JdbcWebsiteHits(JdbcTemplate jdbc, TrackingPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    @Override
    @Transactional
    public Map<UUID, Long> store(List<Hit> hits) {
        Map<UUID, Long> leads = new HashMap<>();
        if (hits.isEmpty()) {
            return leads;
        }
        Map<UUID, Hit> firsts = new HashMap<>();
        hits.forEach(h -> firsts.putIfAbsent(h.visitor(), h));
        List<UUID> visitors = new ArrayList<>(new TreeSet<>(firsts.keySet()));
        UUID[] ids = visitors.toArray(UUID[]::new);
        Long[] sites = visitors.stream().map(v -> firsts.get(v).siteId()).toArray(Long[]::new);
        Timestamp[] seen =
                visitors.stream().map(v -> Timestamp.from(firsts.get(v).at())).toArray(Timestamp[]::new);
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("""
                    insert into tracked_visitor (id, site_id, first_seen, last_seen)
                    select id, site, seen, seen from unnest(?::uuid[], ?::bigint[], ?::timestamptz[]) as v (id, site, seen)
                    order by id
                    on conflict (id) do update set last_seen = greatest(tracked_visitor.last_seen, excluded.last_seen)
                    returning id, lead_id""");
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    ps.setArray(2, con.createArrayOf("bigint", sites));
                    ps.setArray(3, con.createArrayOf("timestamptz", seen));
                    return ps;
                },
                rs -> {
                    long lead = rs.getLong(2);
                    if (!rs.wasNull()) {
                        leads.put(rs.getObject(1, UUID.class), lead);
                    }
                });
        int n = hits.size();
        Timestamp[] at = new Timestamp[n];
        Long[] site = new Long[n];
        UUID[] visitor = new UUID[n];
        Integer[] millis = new Integer[n];
        String[][] texts = new String[9][n];
        for (int i = 0; i < n; i++) {
            Hit h = hits.get(i);
            at[i] = Timestamp.from(h.at());
            site[i] = h.siteId();
            visitor[i] = h.visitor();
            millis[i] = h.millis();
            String[] row = {
                h.kind().key(),
                h.pageView(),
                h.url(),
                h.title(),
                h.referrer(),
                h.utmSource(),
                h.utmMedium(),
                h.utmCampaign(),
                h.eventKey()
            };
            for (int c = 0; c < row.length; c++) {
                texts[c][i] = row[c];
            }
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into tracking_hit (received_at, site_id, visitor_id, millis, kind, page_view, url, title, referrer,
                                              utm_source, utm_medium, utm_campaign, event_key)
                    select * from unnest(?::timestamptz[], ?::bigint[], ?::uuid[], ?::integer[], ?::text[], ?::text[], ?::text[],
                                         ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""");
            ps.setArray(1, con.createArrayOf("timestamptz", at));
            ps.setArray(2, con.createArrayOf("bigint", site));
            ps.setArray(3, con.createArrayOf("uuid", visitor));
            ps.setArray(4, con.createArrayOf("integer", millis));
            for (int c = 0; c < texts.length; c++) {
                ps.setArray(c + 5, con.createArrayOf("text", texts[c]));
            }
            return ps;
        });
        return leads;
    }

    @Override
    @Transactional
    public Optional<List<Hit>> stitch(long siteId, UUID visitor, long leadId, Instant at) {
        Timestamp when = Timestamp.from(at);
        List<Long> stitched = jdbc.queryForList("""
                insert into tracked_visitor (id, site_id, lead_id, first_seen, last_seen, stitched_at) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set lead_id = excluded.lead_id, stitched_at = excluded.stitched_at
                where tracked_visitor.lead_id is null and tracked_visitor.site_id = excluded.site_id
                returning site_id""", Long.class, visitor, siteId, leadId, when, when, when);
        if (stitched.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query(
                """
                select * from tracking_hit where visitor_id = ? and site_id = ? and kind in ('page_view', 'event')
                order by received_at""",
                (rs, row) -> new Hit(
                        rs.getLong("site_id"),
                        visitor,
                        rs.getTimestamp("received_at").toInstant(),
                        HitKind.of(rs.getString("kind")),
                        rs.getString("page_view"),
                        rs.getString("url"),
                        rs.getString("title"),
                        rs.getString("referrer"),
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        null,
                        rs.getString("event_key")),
                visitor,
                siteId));
    }

    @Override
    public List<PageView> pagesOf(long leadId, int limit) {
        return jdbc.query(
                """
                select v.received_at, v.url, v.title,
                       (select sum(t.millis) from tracking_hit t where t.visitor_id = v.visitor_id and t.kind = 'page_time'
                          and t.page_view = v.page_view and t.received_at >= v.received_at) as millis
                from tracking_hit v
                where v.visitor_id in (select id from tracked_visitor where lead_id = ?) and v.kind = 'page_view'
                order by v.received_at desc limit ?""",
                (rs, row) -> {
                    long millis = rs.getLong("millis");
                    Duration inView = rs.wasNull() ? null : Duration.ofMillis(millis);
                    return new PageView(
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getString("url"),
                            rs.getString("title"),
                            inView);
                },
                leadId,
                limit);
    }

    @Override
    public void prepareMonths(Instant now) {
        partitions.prepare(now.atZone(ZoneOffset.UTC).toLocalDate());
    }

    @Override
    public List<String> dropMonthsBefore(int months, Instant now) {
        return partitions.dropOlderThan(months, now.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
