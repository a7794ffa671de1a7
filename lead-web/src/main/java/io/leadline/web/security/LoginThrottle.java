package io.leadline.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_PER_USERNAME} failed sign-ins for one username, or
 * {@value #MAX_PER_CLIENT} from one address, within {@link #WINDOW}, further attempts are refused until the
 * window has passed. Usernames count whether or not they exist, so a block reveals nothing about accounts.
 * Kept in memory: one instance's view (see the note in the README on running several nodes).
 */
@Component
public class LoginThrottle {

    static final int MAX_PER_USERNAME = 5;
    static final int MAX_PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RecentEvents failures = new RecentEvents(WINDOW);
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String client) {
        Instant now = Instant.now(clock);
        return failures.count(userKey(username), now) >= MAX_PER_USERNAME || failures.count(clientKey(client), now) >= MAX_PER_CLIENT;
    }

    public void failed(String username, String client) {
        Instant now = Instant.now(clock);
        failures.add(userKey(username), now);
        failures.add(clientKey(client), now);
    }

    public void succeeded(String username) {
        failures.clear(userKey(username));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
