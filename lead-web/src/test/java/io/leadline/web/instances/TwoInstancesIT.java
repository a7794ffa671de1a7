package io.leadline.web.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.leadline.persistence.testdb.TestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the built application, as separate processes on two ports (512 MB of heap each), against one
 * Postgres: a sign-in on one is honoured by the other, a demotion on one ends the session on the other, a 110 MB body
 * is refused without filling the heap, both assigning new MQLs at once never pass a rep's capacity, a queued job runs exactly once while both poll, a webhook delivery reaches its
 * receiver once while both send, and killing the instance that runs
 * an import lets the other take it over and finish it, with no half batch and no duplicate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final String ADMIN_PASSWORD = "two-instances-admin-1";
    private static final int ROWS = 200_000;

    private static AppNode a;
    private static AppNode b;
    private static final Browser browser = new Browser();

    @BeforeAll
    static void startBoth() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path imports = Files.createTempDirectory("leadline-two-instances");
        String[] webhooks = {"--leadline.webhooks.allowed-hosts=127.0.0.1", "--leadline.webhooks.poll-millis=50"};
        a = AppNode.start("a", db.url(), db.username(), db.password(), imports, webhooks);
        b = AppNode.start("b", db.url(), db.username(), db.password(), imports, webhooks);
        a.awaitHealthy(Duration.ofSeconds(120));
        b.awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    @Order(1)
    void a_sign_in_on_one_instance_is_honoured_by_the_other_and_a_sign_out_on_it_ends_it_everywhere() throws Exception {
        var signedIn = browser.post(a, "/login", "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        var onB = browser.get(b, "/settings");
        assertThat(onB.statusCode())
                .as("instance b knows the session instance a started")
                .isEqualTo(200);
        assertThat(onB.body()).contains("API tokens");

        browser.post(b, "/settings", "/logout", Map.of());
        assertThat(browser.get(a, "/settings").statusCode())
                .as("signed out on b, so on a too")
                .isEqualTo(302);

        var again = browser.post(b, "/login", "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(again.headers().firstValue("Location"))
                .as("signed in again on b")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(browser.get(a, "/settings").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void an_admin_demoted_on_one_instance_loses_the_settings_on_the_other_at_once() throws Exception {
        String name = "two-demoted";
        var created = browser.post(
                a,
                "/settings",
                "/settings/users",
                Map.of("username", name, "password", "two-demoted-password", "role", "ADMIN", "capacity", "5"));
        assertThat(created.statusCode()).isEqualTo(302);
        Browser demoted = new Browser();
        assertThat(demoted.post(b, "/login", "/login", Map.of("username", name, "password", "two-demoted-password"))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(demoted.get(b, "/settings").statusCode()).isEqualTo(200);

        browser.post(a, "/settings", "/settings/users/" + name + "/role", Map.of("role", "SALES"));

        var after = demoted.get(b, "/settings");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
    }

    @Test
    @Order(3)
    void a_110_mb_batch_is_refused_by_an_instance_with_512_mb_of_heap_which_keeps_serving() throws Exception {
        String secret;
        try (Connection db = connect()) {
            secret = ApiBatch.token(db, "flood");
        }
        var flood = Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> LargeBody.postActivities(a, secret, 110L * 1024 * 1024));
        assertThat(browser.get(a, "/login").statusCode()).as("served meanwhile").isEqualTo(200);
        LargeBody.Answer answer = flood.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).startsWith("HTTP/1.1 413");
        assertThat(answer.bytesSent()).isLessThan(20L * 1024 * 1024);
        assertThat(browser.get(a, "/actuator/health").body()).contains("\"UP\"");
    }

    @Test
    @Order(4)
    void two_instances_assigning_new_mqls_at_once_never_give_a_rep_more_than_their_capacity() throws Exception {
        assertThat(browser.post(
                                a,
                                "/settings/handoff",
                                "/settings/handoff",
                                Map.of(
                                        "handRaiserTypes",
                                        "demo_request",
                                        "handRaiserDays",
                                        "7",
                                        "order",
                                        "PRIORITY",
                                        "roundRobin",
                                        "true"))
                        .statusCode())
                .isEqualTo(302);
        browser.post(
                a,
                "/settings",
                "/settings/users",
                Map.of("username", "two-rep", "password", "two-rep-password", "role", "SALES", "capacity", "4"));
        String token;
        try (Connection db = connect()) {
            db.createStatement().execute("update app_user set capacity = 4 where role = 'SALES'");
            token = ApiBatch.token(db, "rotation");
        }
        long reps;
        try (Connection db = connect()) {
            reps = count(db, "select count(*) from app_user where role = 'SALES' and enabled and in_rotation");
        }
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        var onA = pool.submit(() -> ApiBatch.newMqls(a, token, "on-a", 20));
        var onB = pool.submit(() -> ApiBatch.newMqls(b, token, "on-b", 20));
        assertThat(onA.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(onB.get(60, TimeUnit.SECONDS)).isEqualTo(200);

        String open = "stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY')";
        try (Connection db = connect()) {
            await(
                    Duration.ofSeconds(30),
                    () -> count(
                                    db,
                                    "select count(*) from lead where email like '%@rotation.example' and owner is not null")
                            >= 4 * reps);
            Thread.sleep(1_000); // any assignment still under way lands meanwhile
            assertThat(
                            count(
                                    db,
                                    "select count(*) from lead where email like '%@rotation.example' and stage = 'MQL' and owner is null"))
                    .as("the rest wait unassigned")
                    .isEqualTo(40 - 4 * reps);
            assertThat(count(
                            db,
                            "select count(*) from app_user u where u.role = 'SALES' and (select count(*) from lead l "
                                    + "where l.owner = u.username and l." + open + ") > u.capacity"))
                    .as("reps over capacity")
                    .isZero();
            db.createStatement().execute("delete from handoff_setting");
        }
    }

    @Test
    @Order(5)
    void jobs_queued_once_run_exactly_once_while_both_instances_poll() throws Exception {
        try (Connection db = connect()) {
            for (int i = 0; i < 8; i++) {
                db.createStatement()
                        .execute("insert into rescore_job (requested_by, requested_at, reason, status) "
                                + "values ('admin', now(), 'two-instances " + i + "', 'QUEUED')");
            }
            await(
                    Duration.ofSeconds(60),
                    () -> count(
                                    db,
                                    "select count(*) from rescore_job where reason like 'two-instances %' and status = 'DONE'")
                            == 8);
            assertThat(count(
                            db,
                            "select count(*) from rescore_job where reason like 'two-instances %' and attempts = 1"))
                    .as("no job was started twice")
                    .isEqualTo(8);
            assertThat(count(db, "select count(distinct worker) from rescore_job where reason like 'two-instances %'"))
                    .isBetween(1L, 2L);
        }
    }

    @Test
    @Order(6)
    void webhook_deliveries_owed_once_reach_the_receiver_once_while_both_instances_send() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!seen.add(exchange.getRequestHeaders().getFirst("Leadline-Event-Id"))) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int owed = 300;
        try (Connection db = connect()) {
            long endpoint = count(
                    db,
                    "insert into webhook_endpoint (url, events, secret, created_by, created_at) values ("
                            + "'http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hook', '{lead.mql}', 'whsec_two', 'admin', now()) returning id");
            // Owed as the outbox owes them: one per event, several events of some leads (sent in order, one at a time).
            db.createStatement()
                    .execute("insert into webhook_delivery (endpoint_id, event_id, event, lead_id, body, created_at, "
                            + "next_attempt_at) select " + endpoint
                            + ", 'two-' || n, 'MQL', n % 100, '{\"n\":' || n || '}', now(), now() "
                            + "from generate_series(1, " + owed + ") n");
            await(
                    Duration.ofSeconds(60),
                    () -> count(
                                    db,
                                    "select count(*) from webhook_delivery where endpoint_id = " + endpoint
                                            + " and status = 'DELIVERED'")
                            == owed);
            assertThat(seen).hasSize(owed);
            assertThat(duplicates.get())
                    .as("no event reached the receiver twice")
                    .isZero();
            assertThat(count(
                            db,
                            "select count(*) from webhook_delivery where endpoint_id = " + endpoint
                                    + " and attempts <> 1"))
                    .as("every delivery was taken once")
                    .isZero();
            db.createStatement().execute("update webhook_endpoint set enabled = false where id = " + endpoint);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(7)
    void killing_the_instance_that_runs_an_import_lets_the_other_take_it_over_and_finish_it() throws Exception {
        var draft = browser.upload(a, "/imports", "/imports", "two-instances.csv", leadFile());
        assertThat(draft.statusCode()).isEqualTo(302);
        String page = draft.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        long job = Long.parseLong(page.substring("/imports/".length()));
        var started = browser.post(
                a,
                page,
                page + "/start",
                Map.of(
                        "field0",
                        "EMAIL",
                        "field1",
                        "FULL_NAME",
                        "field2",
                        "COMPANY",
                        "field3",
                        "JOB_TITLE",
                        "field4",
                        "COMPANY_SIZE",
                        "field5",
                        "SOURCE",
                        "policy",
                        "SKIP"));
        assertThat(started.statusCode()).isEqualTo(302);

        try (Connection db = connect()) {
            await(
                    Duration.ofSeconds(60),
                    () -> count(
                                    db,
                                    "select count(*) from import_job where id = " + job
                                            + " and status = 'RUNNING' and rows_read > 0")
                            == 1);
            String worker = text(db, "select worker from import_job where id = " + job);
            AppNode runner = a.isWorker(worker) ? a : b;
            AppNode survivor = runner == a ? b : a;
            assertThat(runner.isWorker(worker))
                    .as("the job runs on one of the two: " + worker)
                    .isTrue();
            runner.kill();

            assertThat(count(db, "select count(*) from lead where import_job_id = " + job))
                    .as("nothing of the killed attempt is visible")
                    .isZero();
            await(
                    Duration.ofSeconds(180),
                    () -> "DONE".equals(text(db, "select status from import_job where id = " + job))
                            || "FAILED".equals(text(db, "select status from import_job where id = " + job)));
            assertThat(text(db, "select coalesce(error, status) from import_job where id = " + job))
                    .isEqualTo("DONE");
            assertThat(survivor.isWorker(text(db, "select worker from import_job where id = " + job)))
                    .isTrue();
            assertThat(count(db, "select attempts from import_job where id = " + job))
                    .isEqualTo(2);
            assertThat(count(db, "select imported from import_job where id = " + job))
                    .isEqualTo(ROWS);
            assertThat(count(db, "select count(*) from lead where email like '%@two-instances.example'"))
                    .isEqualTo(ROWS);
            assertThat(count(
                            db,
                            "select count(*) from lead_score s join lead l on l.id = s.lead_id where l.import_job_id = "
                                    + job))
                    .as("every imported lead is scored")
                    .isEqualTo(ROWS);

            var stillSignedIn = browser.get(survivor, "/imports/" + job);
            assertThat(stillSignedIn.statusCode())
                    .as("the session outlives the instance that started it")
                    .isEqualTo(200);
            assertThat(stillSignedIn.body()).contains("two-instances.csv");
        }
    }

    private static byte[] leadFile() {
        StringBuilder csv = new StringBuilder("Email,Name,Company,Job title,Company size,Source\n");
        String[] titles = {"CTO", "Head of Marketing", "Analyst", "VP Sales", "Student"};
        for (int i = 0; i < ROWS; i++) {
            csv.append("lead")
                    .append(i)
                    .append("@two-instances.example,Lead ")
                    .append(i)
                    .append(",Company ")
                    .append(i % 5000)
                    .append(',')
                    .append(titles[i % titles.length])
                    .append(',')
                    .append(10 + i % 2000)
                    .append(",two_instances\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Connection connect() throws SQLException {
        TestDatabase db = TestDatabase.get();
        Properties p = new Properties();
        p.setProperty("user", db.username());
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.url(), p);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void await(Duration limit, Callable<Boolean> condition) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!condition.call()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(
                        "Not so within " + limit + "; see target/instance-a.log and target/instance-b.log");
            }
            Thread.sleep(200);
        }
    }
}
