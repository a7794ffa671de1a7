package io.leadline.persistence.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RejectedRowRetentionTest {

    @Autowired
    RejectedRowRetention retention;

    @Autowired
    JdbcClient jdbc;

    private long job(Instant finished) {
        long id = jdbc.sql(
                        "insert into import_job (kind, file_name, stored_file, requested_by, requested_at, dry_run, duplicate_policy, "
                                + "status, finished_at) values ('LEADS', 'x.csv', ?, 'mia', ?, false, 'SKIP', 'DONE', ?) returning id")
                .params("/tmp/" + UUID.randomUUID(), Timestamp.from(finished), Timestamp.from(finished))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into import_rejection (job_id, row_number, raw, reason) values (?, 2, 'ana@acme.com,x', 'no date')")
                .param(id)
                .update();
        jdbc.sql("insert into import_warning (job_id, row_number, reason) values (?, 3, 'ana@acme.com looks odd')")
                .param(id)
                .update();
        return id;
    }

    private long rows(long job) {
        return jdbc.sql(
                        "select (select count(*) from import_rejection where job_id = ?) + (select count(*) from import_warning where job_id = ?)")
                .params(job, job)
                .query(Long.class)
                .single();
    }

    @Test
    void rejected_rows_go_after_the_retention_and_recent_ones_stay() {
        Instant now = Instant.now();
        long old = job(now.minus(91, ChronoUnit.DAYS));
        long recent = job(now.minus(89, ChronoUnit.DAYS));

        assertThat(retention.forgetExpired()).isGreaterThanOrEqualTo(2);

        assertThat(rows(old)).isZero();
        assertThat(rows(recent)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from import_job where id = ?")
                        .param(old)
                        .query(Long.class)
                        .single())
                .as("the job and its counts stay")
                .isOne();
    }
}
