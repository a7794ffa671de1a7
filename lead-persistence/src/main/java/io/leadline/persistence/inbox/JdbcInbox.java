package io.leadline.persistence.inbox;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Inbox} in {@code inbox_item}; the event key is unique, so a repeated delivery inserts nothing. */
@Repository
class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;

    JdbcInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean deliver(String username, InboxItem.Kind kind, long leadId, String text, Instant at, String key) {
        return jdbc.sql("""
                        insert into inbox_item (username, kind, lead_id, text, at, key)
                        select ?, ?, ?, ?, ?, ? where exists (select 1 from lead where id = ?)
                        on conflict (key) do nothing""")
                        .params(username, kind.name(), leadId, InboxItem.fitted(text), Timestamp.from(at), key, leadId)
                        .update()
                == 1;
    }

    @Override
    public int unread(String username) {
        return jdbc.sql("select count(*) from inbox_item where username = ? and read_at is null")
                .param(username)
                .query(Integer.class)
                .single();
    }

    @Override
    public List<InboxItem> latest(String username, int limit) {
        return jdbc.sql("select * from inbox_item where username = ? order by id desc limit ?")
                .params(username, limit)
                .query(JdbcInbox::item)
                .list();
    }

    @Override
    public boolean markRead(long id, String username, Instant at) {
        return jdbc.sql("update inbox_item set read_at = coalesce(read_at, ?) where id = ? and username = ?")
                        .params(Timestamp.from(at), id, username)
                        .update()
                == 1;
    }

    @Override
    public int markAllRead(String username, Instant at) {
        return jdbc.sql("update inbox_item set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(at), username)
                .update();
    }

    private static InboxItem item(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(
                rs.getLong("id"),
                rs.getString("username"),
                InboxItem.Kind.valueOf(rs.getString("kind")),
                rs.getLong("lead_id"),
                rs.getString("text"),
                rs.getTimestamp("at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
