package io.leadline.persistence.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of API calls. {@link #begin} runs inside the caller's transaction: the first request with a key
 * inserts its row and goes on; a concurrent one with the same key waits on that row until the first commits (or
 * rolls back), then finds the answer it gave. The answer is stored by {@link #finish} in the same transaction as
 * the work, so a key is never marked done for work that was not stored.
 */
@Repository
public class ApiRequests {

    private final JdbcClient jdbc;

    ApiRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request seen before: its fingerprint and the answer it was given. */
    public record Earlier(String requestHash, int status, String body) {}

    /** Empty when this key is new (the caller does the work); the earlier request otherwise. */
    public Optional<Earlier> begin(long tokenId, String key, String requestHash, Instant at) {
        int inserted = jdbc.sql("""
                        insert into api_request (token_id, idempotency_key, request_hash, created_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(tokenId, key, requestHash, Timestamp.from(at))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select request_hash, status, response_body from api_request where token_id = ? and idempotency_key = ?")
                .params(tokenId, key)
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    public void finish(long tokenId, String key, int status, String body) {
        jdbc.sql("update api_request set status = ?, response_body = ? where token_id = ? and idempotency_key = ?")
                .params(status, body, tokenId, key)
                .update();
    }

    /** Forgets keys older than {@code before}; answers how many. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("delete from api_request where created_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
