package io.leadline.persistence.forms;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.FormTokenUses;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.PendingSubmission;
import io.leadline.core.lead.PendingSubmissions;
import io.leadline.persistence.JsonObjects;
import io.leadline.persistence.PostgresArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link PendingSubmissions} in {@code pending_submission}, {@link FormTokenUses} in {@code form_token_use}. */
@Repository
class JdbcFormSubmissions implements PendingSubmissions, FormTokenUses {

    private final JdbcClient jdbc;

    JdbcFormSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstUse(String nonce, Instant at) {
        return jdbc.sql("insert into form_token_use (nonce, used_at) values (?, ?) on conflict (nonce) do nothing")
                        .params(nonce, Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public void forget(Instant usedBefore) {
        jdbc.sql("delete from form_token_use where used_at < ?")
                .param(Timestamp.from(usedBefore))
                .update();
    }

    @Override
    public long hold(long leadId, String campaign, Instant submittedAt, LeadProfile p) {
        return jdbc.sql("""
                        insert into pending_submission (lead_id, campaign, submitted_at, full_name, company, job_title,
                                                        company_size, country, source, attributes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id""")
                .params(
                        leadId,
                        campaign,
                        Timestamp.from(submittedAt),
                        p.fullName(),
                        p.company(),
                        p.jobTitle(),
                        p.companySize(),
                        p.country(),
                        p.source(),
                        JsonObjects.of(p.attributes()))
                .query(Long.class)
                .single();
    }

    @Override
    public List<PendingSubmission> open(long leadId) {
        return jdbc.sql("""
                        select s.*, l.email, """ + ATTRIBUTES + """
                        from pending_submission s join lead l on l.id = s.lead_id
                        where s.lead_id = ? and s.decided_at is null order by s.submitted_at, s.id""")
                .param(leadId)
                .query(this::submission)
                .list();
    }

    @Override
    public Optional<PendingSubmission> decide(long id, long leadId, boolean accepted, String by, Instant at) {
        return jdbc.sql("""
                        with decided as (
                            update pending_submission set decided_at = ?, decided_by = ?, accepted = ?
                            where id = ? and lead_id = ? and decided_at is null returning *)
                        select s.*, l.email, """ + ATTRIBUTES + """
                        from decided s join lead l on l.id = s.lead_id""")
                .params(Timestamp.from(at), by, accepted, id, leadId)
                .query(this::submission)
                .optional();
    }

    /** The custom fields as two aligned arrays, read with the row (no query per submission). */
    private static final String ATTRIBUTES = """
            array(select key from jsonb_each_text(s.attributes) order by key) as attr_keys,
            array(select value from jsonb_each_text(s.attributes) order by key) as attr_values
            """;

    private PendingSubmission submission(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Integer size = rs.getObject("company_size") == null ? null : rs.getInt("company_size");
        var profile = new LeadProfile(
                rs.getString("full_name"),
                EmailAddress.parse(rs.getString("email")).orElse(null),
                rs.getString("company"),
                rs.getString("job_title"),
                size,
                rs.getString("country"),
                rs.getString("source"),
                attributes(rs));
        return new PendingSubmission(
                id,
                rs.getLong("lead_id"),
                rs.getString("campaign"),
                rs.getTimestamp("submitted_at").toInstant(),
                profile);
    }

    private static Map<String, String> attributes(ResultSet rs) throws SQLException {
        String[] keys = PostgresArrays.strings(rs.getArray("attr_keys"));
        String[] values = PostgresArrays.strings(rs.getArray("attr_values"));
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            attributes.put(keys[i], values[i]);
        }
        return attributes;
    }
}
