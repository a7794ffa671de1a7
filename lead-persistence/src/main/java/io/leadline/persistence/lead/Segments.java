package io.leadline.persistence.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved lead-list searches. */
@Repository
public class Segments {

    private final JdbcClient jdbc;

    Segments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Segment(long id, String name, String query, String createdBy) {}

    /** @return false when a segment has that name already */
    public boolean save(String name, String query, String by, Instant at) {
        try {
            jdbc.sql("insert into segment (name, query, created_by, created_at) values (?, ?, ?, ?)")
                    .params(name.strip(), query, by, Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<Segment> all() {
        return jdbc.sql("select id, name, query, created_by from segment order by name")
                .query((rs, n) -> new Segment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public void delete(long id) {
        jdbc.sql("delete from segment where id = ?").param(id).update();
    }
}
