package io.leadline.persistence;

import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.scoring.StarterModel;
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

    /** The application chooses its live model in lead-web; here it is the starter model. */
    @Bean
    ScoringModels scoringModels() {
        ScoringModel starter = StarterModel.version1();
        return () -> starter;
    }
}
