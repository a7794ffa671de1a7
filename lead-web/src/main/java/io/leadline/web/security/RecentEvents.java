package io.leadline.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts events per key within a sliding time window (sign-in failures, form submissions). In memory. */
public final class RecentEvents {

    private final Duration window;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public RecentEvents(Duration window) {
        this.window = window;
    }

    public void add(String key, Instant at) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(at);
            prune(times, at);
        }
    }

    public int count(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    public void clear(String key) {
        events.remove(key);
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
    }
}
