package io.leadline.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.persistence.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On the test run's server, as its administrator: the least-privilege role and the database it owns. */
class DatabaseProvisioningTest {

    private final TestDatabase server = TestDatabase.get();
    private final String name =
            "leadline_prov_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final String password = UUID.randomUUID().toString();

    @AfterEach
    void dropDatabaseAndRole() throws Exception {
        try (Connection admin = admin("postgres");
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("drop role if exists " + name);
        }
    }

    @Test
    void creates_a_role_without_special_rights_that_owns_a_new_database_and_migrates_it() throws Exception {
        var outcome = provisioning().provide(name, password, name);

        assertThat(outcome.roleCreated()).isTrue();
        assertThat(outcome.databaseCreated()).isTrue();
        try (Connection admin = admin("postgres");
                Statement s = admin.createStatement()) {
            assertThat(single(
                            s,
                            "select rolsuper::text || rolcreatedb::text || rolcreaterole::text from pg_roles where rolname = '"
                                    + name + "'"))
                    .isEqualTo("falsefalsefalse");
            assertThat(single(s, "select pg_get_userbyid(datdba) from pg_database where datname = '" + name + "'"))
                    .isEqualTo(name);
        }
        String url = DatabaseProvisioning.withDatabase(server.adminUrl(), name);
        Flyway.configure()
                .dataSource(url, name, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection app = DriverManager.getConnection(url, name, password);
                Statement s = app.createStatement()) {
            assertThat(single(s, "select count(*) from lead")).isEqualTo("0");
            s.execute("refresh materialized view report_funnel_day");
        }
        assertThat(provisioning().provide(name, password, name))
                .isEqualTo(new DatabaseProvisioning.Outcome(false, false, 0));
    }

    @Test
    void hands_over_a_database_an_earlier_leadline_created_as_the_superuser() throws Exception {
        try (Connection admin = admin("postgres");
                Statement s = admin.createStatement()) {
            s.execute("create database " + name);
        }
        try (Connection admin = admin(name);
                Statement s = admin.createStatement()) {
            s.execute("create table lead (id bigserial primary key, email text)");
            s.execute("create sequence lead_seq");
            s.execute("create materialized view lead_count as select count(*) from lead");
            s.execute("create unique index on lead_count (count)");
        }

        var outcome = provisioning().provide(name, password, name);

        assertThat(outcome.roleCreated()).isTrue();
        assertThat(outcome.databaseCreated()).isFalse();
        assertThat(outcome.objectsHandedOver()).isEqualTo(3); // the table (with its serial), the sequence, the view
        String url = DatabaseProvisioning.withDatabase(server.adminUrl(), name);
        try (Connection app = DriverManager.getConnection(url, name, password);
                Statement s = app.createStatement()) {
            s.execute("insert into lead (email) values ('ana@acme.com')");
            s.execute("select nextval('lead_seq')");
            s.execute("refresh materialized view concurrently lead_count");
            s.execute("alter table lead add column company text"); // what Flyway does as the owner
            assertThat(single(s, "select count from lead_count")).isEqualTo("1");
        }
    }

    private DatabaseProvisioning provisioning() {
        return new DatabaseProvisioning(server.adminUrl(), server.adminUser(), server.adminPassword());
    }

    private Connection admin(String database) throws Exception {
        return DriverManager.getConnection(
                DatabaseProvisioning.withDatabase(server.adminUrl(), database),
                server.adminUser(),
                server.adminPassword());
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
