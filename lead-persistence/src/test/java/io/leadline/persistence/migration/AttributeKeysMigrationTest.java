package io.leadline.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.persistence.server.DatabaseProvisioning;
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

/** V22 on leads stored before it: attributes under their field keys, sources folded, nothing lost. */
class AttributeKeysMigrationTest {

    private final TestDatabase server = TestDatabase.get();
    private final String name =
            "leadline_v22_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    @AfterEach
    void drop() throws Exception {
        try (Connection admin =
                        DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    @Test
    void rekeys_attributes_and_folds_sources_of_leads_stored_before() throws Exception {
        try (Connection admin =
                        DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
                Statement s = admin.createStatement()) {
            s.execute("create database " + name);
        }
        String url = DatabaseProvisioning.withDatabase(server.adminUrl(), name);
        Flyway.configure()
                .dataSource(url, server.adminUser(), server.adminPassword())
                .locations("classpath:db/migration")
                .target("21")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into lead (id, version, full_name, email, source, stage, created_at, updated_at, attributes) values
                    (1, 0, 'Ana', 'ana@acme.com', 'Organic Search', 'NEW', now(), now(),
                        '{"Lead Quality": "High", "lead_quality": "", "Budget": "", "budget": "10k", "Prénom": "Ana", "#": "7"}'),
                    (2, 0, 'Bo', 'bo@acme.com', 'organic_search', 'NEW', now(), now(), '{"industry": "Health"}'),
                    (3, 0, 'Cy', 'cy@acme.com', 'Paid-Search', 'NEW', now(), now(), '{}')""");
        }
        Flyway.configure()
                .dataSource(url, server.adminUser(), server.adminPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
                Statement s = c.createStatement()) {
            assertThat(single(s, "select attributes::text from lead where id = 1"))
                    .isEqualTo(
                            "{\"budget\": \"10k\", \"prénom\": \"Ana\", \"unnamed_1\": \"7\", \"lead_quality\": \"High\"}");
            assertThat(single(s, "select attributes::text from lead where id = 2"))
                    .isEqualTo("{\"industry\": \"Health\"}");
            assertThat(single(s, "select string_agg(source, ',' order by id) from lead"))
                    .isEqualTo("organic_search,organic_search,paid_search");
        }
    }

    private static String single(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
