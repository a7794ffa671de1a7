package io.leadline.persistence.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates what Leadline needs on a server where it may (an administrator's connection): a least-privilege login role
 * — no superuser, no CREATEDB, no CREATEROLE — and the database, owned by that role, so that Flyway and the
 * application run as it. A database that exists already but belongs to someone else (created by an earlier Leadline
 * as the superuser) is handed over: the database, its {@code public} schema and every table, view and sequence in it.
 *
 * <p>Operators who create the database themselves run the same statements (README, "Database roles").
 */
public final class DatabaseProvisioning {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** What was done, for the log. */
    public record Outcome(boolean roleCreated, boolean databaseCreated, int objectsHandedOver) {}

    private final String adminUrl;
    private final Properties adminCredentials;

    /**
     * @param serverUrl any JDBC URL of the server (its database part is replaced by {@code postgres})
     */
    public DatabaseProvisioning(String serverUrl, String adminUser, String adminPassword) {
        this.adminUrl = withDatabase(serverUrl, "postgres");
        this.adminCredentials = credentials(adminUser, adminPassword);
    }

    /** Whether a name can be used as a role or database name without quoting (letters, digits, underscores). */
    public static boolean plainName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The role (with this password, if one is given) and the database it owns: created or handed over as needed. */
    public Outcome provide(String role, String password, String database) throws SQLException {
        if (!plainName(role) || !plainName(database)) {
            throw new IllegalArgumentException("Role and database names must be letters, digits and underscores: '"
                    + role + "', '" + database + "'");
        }
        boolean roleCreated;
        boolean databaseCreated;
        try (Connection admin = DriverManager.getConnection(adminUrl, adminCredentials)) {
            roleCreated = createRole(admin, role, password);
            databaseCreated = createDatabase(admin, database, role);
        }
        int handedOver = 0;
        if (!databaseCreated) {
            try (Connection admin = DriverManager.getConnection(withDatabase(adminUrl, database), adminCredentials)) {
                handedOver = handOver(admin, role);
            }
        }
        return new Outcome(roleCreated, databaseCreated, handedOver);
    }

    private static boolean createRole(Connection admin, String role, String password) throws SQLException {
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            return false;
        }
        try (Statement s = admin.createStatement()) {
            String login = "create role " + role + " login nosuperuser nocreatedb nocreaterole";
            s.execute(password == null || password.isEmpty() ? login : login + " password " + literal(password));
            return true;
        } catch (SQLException e) {
            if ("42710".equals(e.getSQLState())) { // created by another instance starting at the same time
                return false;
            }
            throw e;
        }
    }

    private static boolean createDatabase(Connection admin, String database, String role) throws SQLException {
        if (exists(admin, "select 1 from pg_database where datname = ?", database)) {
            try (Statement s = admin.createStatement()) {
                s.execute("alter database " + database + " owner to " + role);
            }
            return false;
        }
        try (Statement s = admin.createStatement()) {
            s.execute("create database " + database + " owner " + role + " encoding 'UTF8' template template0");
            return true;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created by another instance starting at the same time
                return false;
            }
            throw e;
        }
    }

    /** Gives the role the public schema and every relation in it that someone else owns (sequences follow their tables). */
    private static int handOver(Connection admin, String role) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement q = admin.prepareStatement("""
                select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                      else 'table' end || ' ' || c.oid::regclass
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                   and c.relowner <> (select oid from pg_roles where rolname = ?)
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                      and d.deptype in ('a', 'i') and d.refclassid = 'pg_class'::regclass)
                """)) {
            q.setString(1, role);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    statements.add("alter " + rows.getString(1) + " owner to " + role);
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            if (!exists(
                    admin,
                    "select 1 from pg_namespace n join pg_roles r on r.oid = n.nspowner "
                            + "where n.nspname = 'public' and r.rolname in (?, 'pg_database_owner')",
                    role)) {
                s.execute("alter schema public owner to " + role);
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        return statements.size();
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, value);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The same server URL with another database. */
    public static String withDatabase(String url, String database) {
        return url.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
    }

    /** JDBC connection properties for a login, with a short connect timeout (a server that is not there answers fast). */
    public static Properties credentials(String user, String password) {
        Properties p = new Properties();
        if (user != null && !user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "3");
        return p;
    }
}
