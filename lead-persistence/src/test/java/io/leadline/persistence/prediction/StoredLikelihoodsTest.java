package io.leadline.persistence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.prediction.StoredLikelihoods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two writers storing likelihoods of the same leads at once, handed them in opposite orders, never deadlock. */
@SpringBootTest
class StoredLikelihoodsTest {

    @Autowired
    StoredLikelihoods stored;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void overlapping_stores_at_once_wait_for_each_other_instead_of_deadlocking() throws Exception {
        long model = jdbc.sql(
                        "insert into likelihood_model (requested_by, requested_at, status) values ('t', now(), 'DONE') returning id")
                .query(Long.class)
                .single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(jdbc.sql("insert into lead (id, version, full_name, email, stage, created_at, updated_at) "
                            + "values (nextval('lead_seq'), 0, 'Likely', ?, 'NEW', now(), now()) returning id")
                    .param("likely-" + UUID.randomUUID() + "@acme.com")
                    .query(Long.class)
                    .single());
        }
        Map<Long, Double> forward = new LinkedHashMap<>();
        Map<Long, Double> backward = new LinkedHashMap<>();
        ids.forEach(id -> forward.put(id, 0.25));
        ids.reversed().forEach(id -> backward.put(id, 0.75));
        var pool = Executors.newFixedThreadPool(2);
        var tx = new TransactionTemplate(transactions);
        try {
            for (int round = 0; round < 10; round++) {
                var start = new CountDownLatch(1);
                List<Future<?>> both = new ArrayList<>();
                for (Map<Long, Double> order : List.of(forward, backward)) {
                    both.add(pool.submit(() -> {
                        start.await();
                        tx.executeWithoutResult(s -> stored.store(model, order, Instant.now()));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : both) {
                    f.get(); // a deadlock would surface here as an ExecutionException
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from lead_likelihood where model_id = ?")
                        .param(model)
                        .query(Long.class)
                        .single())
                .isEqualTo(300);
    }
}
