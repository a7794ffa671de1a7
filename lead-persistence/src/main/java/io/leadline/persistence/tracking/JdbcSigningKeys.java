package io.leadline.persistence.tracking;

import io.leadline.core.tracking.SigningKeys;
import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keys for values that live outside Leadline for months (links in sent emails): made once per purpose, kept in the
 * database so that every instance, before and after a restart, signs and checks alike.
 */
@Repository
class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;

    JdbcSigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] key(String purpose) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into signing_key (purpose, secret) values (?, ?) on conflict (purpose) do nothing")
                .params(purpose, fresh)
                .update();
        return jdbc.sql("select secret from signing_key where purpose = ?")
                .param(purpose)
                .query(byte[].class)
                .single();
    }
}
