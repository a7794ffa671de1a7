package io.leadline.persistence.importing;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Bloom filters of the stored leads' emails and external ids, read when an import starts. */
record StoredLeadKeys(LeadKeyFilter emails, LeadKeyFilter externalIds) {

    static StoredLeadKeys load(JdbcTemplate jdbc) {
        long[] counts = jdbc.queryForObject("select count(email), count(external_id) from lead", (rs, n) ->
                new long[] {rs.getLong(1), rs.getLong(2)});
        StoredLeadKeys keys = new StoredLeadKeys(new LeadKeyFilter(counts[0]), new LeadKeyFilter(counts[1]));
        if (counts[0] + counts[1] > 0) {
            jdbc.query(
                    con -> {
                        PreparedStatement select = con.prepareStatement("select email, external_id from lead");
                        select.setFetchSize(50_000);
                        return select;
                    },
                    (RowCallbackHandler) rs -> {
                        String email = rs.getString(1);
                        String externalId = rs.getString(2);
                        if (email != null) {
                            keys.emails.add(email);
                        }
                        if (externalId != null) {
                            keys.externalIds.add(externalId);
                        }
                    });
        }
        return keys;
    }

    /** Whether a stored lead may have either key (by fingerprint, 0 for none). */
    boolean mayContain(long email, long externalId) {
        return email != 0 && emails.mayContain(email) || externalId != 0 && externalIds.mayContain(externalId);
    }
}
