package io.leadline.persistence;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Boots lead-persistence on its own for its integration tests (the real application lives in lead-web). */
@SpringBootApplication
public class PersistenceTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
