package io.leadline.web.tracking;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many hits one visitor and one address may send a minute ({@code leadline.tracking.hits-per-visitor-minute},
 * {@code leadline.tracking.hits-per-address-minute}); counted per instance in fixed one-minute windows, so the memory
 * is bounded by one minute's senders.
 */
@Component
class HitLimits {

    private final int perVisitor;
    private final int perAddress;
    private final Clock clock;
    private volatile long minute = -1;
    private volatile Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    HitLimits(
            @Value("${leadline.tracking.hits-per-visitor-minute:120}") int perVisitor,
            @Value("${leadline.tracking.hits-per-address-minute:1200}") int perAddress,
            Clock clock) {
        this.perVisitor = perVisitor;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** Counts a hit; answers whether it is within both limits. */
    boolean allow(String address, String visitor) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            synchronized (this) {
                if (now != minute) {
                    counts = new ConcurrentHashMap<>();
                    minute = now;
                }
            }
        }
        Map<String, AtomicInteger> window = counts;
        boolean addressOk =
                window.computeIfAbsent("a:" + address, k -> new AtomicInteger()).incrementAndGet() <= perAddress;
        boolean visitorOk = visitor == null
                || window.computeIfAbsent("v:" + visitor, k -> new AtomicInteger())
                                .incrementAndGet()
                        <= perVisitor;
        return addressOk && visitorOk;
    }
}
