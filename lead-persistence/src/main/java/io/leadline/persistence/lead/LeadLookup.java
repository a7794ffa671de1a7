package io.leadline.persistence.lead;

import io.leadline.core.lead.EmailAddress;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds a lead's id by its keys. */
@Repository
public class LeadLookup {

    private final JdbcClient jdbc;

    LeadLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> idByEmail(EmailAddress email) {
        return email == null ? Optional.empty()
                : jdbc.sql("select id from lead where email = ?").param(email.value()).query(Long.class).optional();
    }
}
