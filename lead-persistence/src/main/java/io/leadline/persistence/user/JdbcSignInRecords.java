package io.leadline.persistence.user;

import io.leadline.core.user.SignInRecords;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link SignInRecords} in {@code sign_in_throttle} and {@code sign_in_address}. */
@Repository
class JdbcSignInRecords implements SignInRecords {

    private final JdbcClient jdbc;

    JdbcSignInRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int failed(String key, Instant now, Instant forgetBefore, IntFunction<Instant> until) {
        int failures = jdbc.sql("""
                        insert into sign_in_throttle (key, failures, last_failure_at) values (?, 1, ?)
                        on conflict (key) do update set
                            failures = case when sign_in_throttle.last_failure_at < ? then 1 else sign_in_throttle.failures + 1 end,
                            last_failure_at = excluded.last_failure_at,
                            blocked_until = case when sign_in_throttle.last_failure_at < ? then null else sign_in_throttle.blocked_until end
                        returning failures""")
                .params(key, Timestamp.from(now), Timestamp.from(forgetBefore), Timestamp.from(forgetBefore))
                .query(Integer.class)
                .single();
        Instant blockedUntil = until.apply(failures);
        if (blockedUntil != null) {
            jdbc.sql("update sign_in_throttle set blocked_until = ? where key = ?")
                    .params(Timestamp.from(blockedUntil), key)
                    .update();
        }
        return failures;
    }

    @Override
    public Map<String, Instant> blocks(Collection<String> keys, Instant now) {
        Map<String, Instant> blocks = new HashMap<>();
        jdbc.sql("select key, blocked_until from sign_in_throttle where key = any (?) and blocked_until > ?")
                .params(keys.toArray(String[]::new), Timestamp.from(now))
                .query(rs -> {
                    blocks.put(
                            rs.getString("key"),
                            rs.getTimestamp("blocked_until").toInstant());
                });
        return blocks;
    }

    @Override
    public void clear(String key) {
        jdbc.sql("delete from sign_in_throttle where key = ?").param(key).update();
    }

    @Override
    public void forget(Instant before, Instant now) {
        jdbc.sql(
                        "delete from sign_in_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
                .params(Timestamp.from(before), Timestamp.from(now))
                .update();
    }

    @Override
    public void signedIn(String username, String address, Instant now) {
        jdbc.sql("""
                        insert into sign_in_address (username, address, last_success_at) values (?, ?, ?)
                        on conflict (username, address) do update set last_success_at = excluded.last_success_at""").params(username, address, Timestamp.from(now)).update();
    }

    @Override
    public boolean knownAddress(String username, String address) {
        return jdbc.sql("select exists (select 1 from sign_in_address where username = ? and address = ?)")
                .params(username, address)
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<Block> blocked(Instant now) {
        return jdbc.sql(
                        "select * from sign_in_throttle where blocked_until > ? order by last_failure_at desc limit 200")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Block(
                        rs.getString("key"),
                        rs.getInt("failures"),
                        rs.getTimestamp("last_failure_at").toInstant(),
                        rs.getTimestamp("blocked_until").toInstant()))
                .list();
    }
}
