package io.leadline;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Leadline: lead capture, scoring and qualification on one Postgres. */
@SpringBootApplication
@EnableScheduling
@EnableAsync // lead event listeners (@ApplicationModuleListener) run after commit, off the request's thread
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
