package io.leadline;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Leadline: lead capture, scoring and qualification on one Postgres. */
@SpringBootApplication
public class LeadlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadlineApplication.class, args);
    }

    /** The one clock the application reads; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
