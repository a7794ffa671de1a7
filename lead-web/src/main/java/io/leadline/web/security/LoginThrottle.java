package io.leadline.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String client) {
        Instant now = Instant.now(clock);
        return recent(userKey(username), now) >= MAX_PER_USERNAME || recent(clientKey(client), now) >= MAX_PER_CLIENT;
    }

    public void failed(String username, String client) {
        Instant now = Instant.now(clock);
        for (String key : new String[] {userKey(username), clientKey(client)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                prune(times, now);
            }
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private int recent(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
