package io.leadline.persistence.tracking;

import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSite;
import io.leadline.core.tracking.TrackedSites;
import io.leadline.persistence.PostgresArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link TrackedSites} in {@code tracked_site}. */
@Repository
class JdbcTrackedSites implements TrackedSites {

    private final JdbcClient jdbc;

    JdbcTrackedSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(NewSite site, String siteKey, String secret, String by, Instant at) {
        return jdbc.sql("""
                        insert into tracked_site (name, site_key, allowed_origins, consent_required, honour_privacy, secret, created_by, created_at)
                        values (?, ?, ?::text[], ?, ?, ?, ?, ?) returning id""")
                .params(
                        site.name(),
                        siteKey,
                        PostgresArrays.literal(site.origins().list()),
                        site.consentRequired(),
                        site.honourPrivacySignals(),
                        secret,
                        by,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public void update(long id, NewSite site) {
        jdbc.sql(
                        "update tracked_site set name = ?, allowed_origins = ?::text[], consent_required = ?, honour_privacy = ? where id = ?")
                .params(
                        site.name(),
                        PostgresArrays.literal(site.origins().list()),
                        site.consentRequired(),
                        site.honourPrivacySignals(),
                        id)
                .update();
    }

    @Override
    public List<TrackedSite> all() {
        return jdbc.sql("select * from tracked_site order by name, id")
                .query(JdbcTrackedSites::site)
                .list();
    }

    @Override
    public Optional<TrackedSite> byId(long id) {
        return jdbc.sql("select * from tracked_site where id = ?")
                .param(id)
                .query(JdbcTrackedSites::site)
                .optional();
    }

    @Override
    public Optional<TrackedSite> byKey(String siteKey) {
        return jdbc.sql("select * from tracked_site where site_key = ?")
                .param(siteKey)
                .query(JdbcTrackedSites::site)
                .optional();
    }

    private static TrackedSite site(ResultSet rs, int row) throws SQLException {
        return new TrackedSite(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("site_key"),
                new SiteOrigins(List.of(PostgresArrays.strings(rs.getArray("allowed_origins")))),
                rs.getBoolean("consent_required"),
                rs.getBoolean("honour_privacy"),
                rs.getString("secret"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
