package io.leadline.persistence.contact;

import io.leadline.core.contact.Consent;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.contact.ContactStatus;
import io.leadline.core.contact.ContactStatuses;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContactStatuses} on the lead's consent columns (V51), the only writer of them. */
@Repository
class JdbcContactStatuses implements ContactStatuses {

    private final JdbcClient jdbc;

    JdbcContactStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ContactStatus of(long leadId) {
        return jdbc.sql("select consent, consent_at, consent_source, do_not_contact from lead where id = ?")
                .param(leadId)
                .query((rs, n) -> {
                    String consent = rs.getString(1);
                    Timestamp at = rs.getTimestamp(2);
                    String source = rs.getString(3);
                    return new ContactStatus(
                            consent == null ? null : Consent.valueOf(consent),
                            at == null ? null : at.toInstant(),
                            source == null ? null : ConsentSource.valueOf(source),
                            rs.getBoolean(4));
                })
                .optional()
                .orElse(ContactStatus.UNKNOWN);
    }

    @Override
    @Transactional
    public void save(long leadId, ContactStatus status) {
        jdbc.sql("update lead set consent = ?, consent_at = ?, consent_source = ?, do_not_contact = ? where id = ?")
                .params(
                        status.consent() == null ? null : status.consent().name(),
                        status.consentAt() == null ? null : Timestamp.from(status.consentAt()),
                        status.source() == null ? null : status.source().name(),
                        status.doNotContact(),
                        leadId)
                .update();
    }

    @Override
    public Set<Long> doNotContact(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from lead where do_not_contact and id = any(?::bigint[])")
                .param(leadIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public Optional<String> formConsentText() {
        return jdbc.sql("select form_consent_text from privacy_setting where id = 1")
                .query(String.class)
                .optional()
                .filter(text -> !text.isBlank());
    }

    @Override
    @Transactional
    public void formConsentText(String text, String by, Instant at) {
        jdbc.sql("""
                        insert into privacy_setting (id, form_consent_text, updated_by, updated_at) values (1, ?, ?, ?)
                        on conflict (id) do update set form_consent_text = excluded.form_consent_text,
                               updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(text == null ? "" : text.strip(), by, Timestamp.from(at))
                .update();
    }
}
