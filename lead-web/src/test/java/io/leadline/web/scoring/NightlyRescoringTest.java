package io.leadline.web.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances' schedulers firing the same night queue one rescoring between them. */
@SpringBootTest
class NightlyRescoringTest {

    @Autowired
    NightlyRescoring nightly;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_nightly_rescoring_is_queued_once_however_many_schedulers_fire() {
        String key = "nightly " + LocalDate.now(ZoneOffset.UTC);
        jdbc.sql("delete from rescore_job where schedule_key = ?").param(key).update();

        boolean first = nightly.queueTonight();
        boolean second = nightly.queueTonight();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.sql("select count(*) from rescore_job where schedule_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
