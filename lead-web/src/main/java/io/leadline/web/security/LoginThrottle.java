package io.leadline.web.security;

import io.leadline.core.user.SignInRecords;
import io.leadline.core.user.Throttling;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing anyone a way to lock others out. Failed sign-ins count under three keys:
 * the pair (username, address), the username, and the address. After {@value #MAX_PER_USERNAME} failures of a pair or a
 * username, or {@value #MAX_PER_CLIENT} from one address, the next attempt waits 30 s, then twice as long after each
 * further failure, up to 15 minutes ({@link Throttling}). The username's and the address's counts do not apply to a
 * user signing in from an address they have signed in from before: failures elsewhere (or a spray of guesses from a
 * shared office address) never keep the owner out; only guesses from their own address slow them. Usernames count
 * whether or not they exist, so a wait reveals nothing about accounts. Counts live in Postgres, shared by every
 * instance. The current password asked by the password-change page is throttled the same way, per user.
 */
@Component
public class LoginThrottle {

    static final int MAX_PER_USERNAME = Throttling.perAccount().freeFailures();
    static final int MAX_PER_CLIENT = Throttling.perAddress().freeFailures();

    private static final Throttling ACCOUNT = Throttling.perAccount();
    private static final Throttling ADDRESS = Throttling.perAddress();

    private final SignInRecords records;
    private final Clock clock;

    LoginThrottle(SignInRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The address a sign-in attempt came from, as Spring Security recorded it ({@code null} when it did not). */
    static String clientOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** Whether a sign-in as {@code username} from {@code client} must wait (checked before the password). */
    public boolean blocked(String username, String client) {
        String user = normalised(username);
        String address = address(client);
        List<String> keys = new ArrayList<>(List.of(pairKey(user, address)));
        if (!records.knownAddress(user, address)) {
            keys.add(userKey(user));
            keys.add(addressKey(address));
        }
        return !records.blocks(keys, Instant.now(clock)).isEmpty();
    }

    public void failed(String username, String client) {
        String user = normalised(username);
        String address = address(client);
        count(pairKey(user, address), ACCOUNT);
        count(userKey(user), ACCOUNT);
        count(addressKey(address), ADDRESS);
    }

    /** The pair's count starts again and the address becomes one the user is known to sign in from. */
    public void succeeded(String username, String client) {
        String user = normalised(username);
        String address = address(client);
        records.clear(pairKey(user, address));
        records.signedIn(user, address, Instant.now(clock));
    }

    /** Whether a signed-in user must wait before their current password is checked again. */
    public boolean passwordGuessesBlocked(String username) {
        return !records.blocks(List.of(passwordKey(normalised(username))), Instant.now(clock))
                .isEmpty();
    }

    public void passwordGuessFailed(String username) {
        count(passwordKey(normalised(username)), ACCOUNT);
    }

    public void passwordGuessRight(String username) {
        records.clear(passwordKey(normalised(username)));
    }

    /** What waits now, for the users page. */
    public List<Wait> blocks() {
        return records.blocked(Instant.now(clock)).stream()
                .map(b -> new Wait(b.key(), describe(b.key()), b.failures(), b.until()))
                .toList();
    }

    /** A key that must wait, with its subject in words. */
    public record Wait(String key, String who, int failures, Instant until) {}

    public void clear(String key) {
        records.clear(key);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetQuietOnes() {
        Instant now = Instant.now(clock);
        records.forget(now.minus(ACCOUNT.forgetAfter()), now);
    }

    private void count(String key, Throttling throttling) {
        Instant now = Instant.now(clock);
        records.failed(
                key,
                now,
                now.minus(throttling.forgetAfter()),
                failures -> throttling.delayAfter(failures).map(now::plus).orElse(null));
    }

    /** The key's subject in words, for admins: "admin from 10.0.0.1", "address 10.0.0.1". */
    static String describe(String key) {
        Map<String, String> kinds = Map.of(
                "pair:", "", "user:", "username ", "address:", "address ", "password:", "current-password guesses of ");
        for (var kind : kinds.entrySet()) {
            if (key.startsWith(kind.getKey())) {
                return kind.getValue() + key.substring(kind.getKey().length()).replace("@@", " from ");
            }
        }
        return key;
    }

    private static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String client) {
        return client == null || client.isBlank() ? "unknown" : client;
    }

    private static String pairKey(String user, String address) {
        return "pair:" + user + "@@" + address;
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String passwordKey(String user) {
        return "password:" + user;
    }
}
