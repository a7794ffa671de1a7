package io.leadline.persistence.api;

import io.leadline.core.user.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API tokens admins create: only the SHA-256 of each token is stored, with its first characters to recognise it. */
@Repository
public class ApiTokens {

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ApiToken(
            long id,
            String name,
            Role role,
            String prefix,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            String revokedBy,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    public long create(String name, Role role, String tokenHash, String prefix, String createdBy, Instant at) {
        return jdbc.sql("""
                        insert into api_token (name, role, token_hash, token_prefix, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), role.name(), tokenHash, prefix, createdBy, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public boolean activeNameTaken(String name) {
        return jdbc.sql("select exists (select 1 from api_token where lower(name) = lower(?) and revoked_at is null)")
                .param(name.strip())
                .query(Boolean.class)
                .single();
    }

    /** The active token with this hash. */
    public Optional<ApiToken> activeByHash(String tokenHash) {
        return jdbc.sql(SELECT + " where token_hash = ? and revoked_at is null")
                .param(tokenHash)
                .query(ApiTokens::token)
                .optional();
    }

    /** Notes that the token was used, at most once a minute per token so that busy integrations do not write on every call. */
    public void touch(long id, Instant at) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(at), id, Timestamp.from(at.minusSeconds(60)))
                .update();
    }

    public boolean revoke(long id, String by, Instant at) {
        return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(at), by, id)
                        .update()
                == 1;
    }

    public Optional<ApiToken> byId(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(ApiTokens::token)
                .optional();
    }

    /** Active tokens first, newest first. */
    public List<ApiToken> all() {
        return jdbc.sql(SELECT + " order by revoked_at is not null, created_at desc, id desc")
                .query(ApiTokens::token)
                .list();
    }

    private static final String SELECT = """
            select id, name, role, token_prefix, created_by, created_at, last_used_at, revoked_by, revoked_at from api_token""";

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("token_prefix"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                rs.getString("revoked_by"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
