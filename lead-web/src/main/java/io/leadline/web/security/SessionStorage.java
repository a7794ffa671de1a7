package io.leadline.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in Postgres (Spring Session JDBC), which writes each session's last-access time on every request.
 * Those writes commit without waiting for the WAL to reach the disk ({@code synchronous_commit = off}, for the
 * session transactions only): a page view no longer waits for an fsync, and what a crash could lose is a few
 * seconds of last-access times, so a session might expire a little early or late. Leads and everything else keep
 * full durability.
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    /** Spring Session picks this up by its name for all its reads and writes. */
    @Bean(name = "springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(
            PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return template.execute(status -> {
                    jdbc.execute("set local synchronous_commit = off");
                    return action.doInTransaction(status);
                });
            }
        };
    }
}
