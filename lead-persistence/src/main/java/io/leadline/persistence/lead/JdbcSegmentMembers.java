package io.leadline.persistence.lead;

import io.leadline.core.lead.SegmentMembers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link SegmentMembers} on {@code segment} (a list's query is "segment=<id>") and {@code segment_member}. */
@Repository
class JdbcSegmentMembers implements SegmentMembers {

    private final JdbcClient jdbc;

    JdbcSegmentMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SegmentList> lists() {
        return jdbc.sql("select id, name from segment where query = 'segment=' || id order by name")
                .query((rs, n) -> new SegmentList(rs.getLong(1), rs.getString(2)))
                .list();
    }

    @Override
    @Transactional
    public SegmentList createList(String name, String by, Instant at) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw new IllegalArgumentException("Name the new segment (up to 100 characters).");
        }
        long id;
        try {
            id = jdbc.sql("insert into segment (name, query, created_by, created_at) values (?, '', ?, ?) returning id")
                    .params(stripped, by, Timestamp.from(at))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(
                    "A segment is called " + stripped + " already; choose it, or another name.");
        }
        jdbc.sql("update segment set query = 'segment=' || id where id = ?")
                .param(id)
                .update();
        return new SegmentList(id, stripped);
    }

    @Override
    @Transactional
    public List<Long> add(long segmentId, List<Long> leadIds, String by, Instant at) {
        requireList(segmentId);
        return jdbc.sql("""
                        insert into segment_member (segment_id, lead_id, added_by, added_at)
                        select ?, l.id, ?, ? from lead l where l.id = any(?)
                        on conflict do nothing returning lead_id""")
                .params(segmentId, by, Timestamp.from(at), leadIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    @Override
    @Transactional
    public List<Long> remove(long segmentId, List<Long> leadIds) {
        requireList(segmentId);
        return jdbc.sql("delete from segment_member where segment_id = ? and lead_id = any(?) returning lead_id")
                .params(segmentId, leadIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private void requireList(long segmentId) {
        String query = jdbc.sql("select query from segment where id = ?")
                .param(segmentId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("That segment is gone."));
        if (!query.equals("segment=" + segmentId)) {
            throw new IllegalArgumentException(
                    "That segment is a saved search: its leads are the ones its filters find. "
                            + "Choose a list, or make a new one.");
        }
    }
}
