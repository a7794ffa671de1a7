package io.leadline.web.api;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.user.Role;
import io.leadline.persistence.api.ApiTokens;
import io.leadline.persistence.api.ApiTokens.ApiToken;
import io.leadline.web.audit.Audit;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: {@code ll_} and 32 random bytes, shown to the admin once; only their SHA-256 is stored (a token has
 * 256 bits of entropy, so a fast hash is enough: there is nothing to guess).
 */
@Service
public class ApiTokenRegistry {

    static final String PREFIX = "ll_";

    private final ApiTokens tokens;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenRegistry(ApiTokens tokens, Audit audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new token and the secret to hand over (it cannot be shown again). Serializable: the settings page passes it as a
     * flash attribute, which lives in the session, in Postgres.
     */
    public record Issued(long id, String name, Role role, String secret) implements Serializable {}

    @Transactional
    public Issued issue(String name, Role role, String admin) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Name the token after the system that will use it, e.g. \"CRM sync\".");
        }
        if (name.strip().length() > 100) {
            throw new IllegalArgumentException("Keep the token's name under 100 characters.");
        }
        if (role == null) {
            throw new IllegalArgumentException("Choose the role the token acts with.");
        }
        if (tokens.activeNameTaken(name)) {
            throw new IllegalArgumentException("An active token is already called " + name.strip() + ".");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = tokens.create(name, role, hash(secret), secret.substring(0, 10), admin, Instant.now(clock));
        audit.record(admin, AuditAction.API_TOKEN_CREATED, "token " + name.strip(), "acts as " + role.label());
        return new Issued(id, name.strip(), role, secret);
    }

    @Transactional
    public ApiToken revoke(long id, String admin) {
        ApiToken token = tokens.byId(id).orElseThrow(() -> new NoSuchElementException("There is no such token."));
        if (!tokens.revoke(id, admin, Instant.now(clock))) {
            throw new IllegalArgumentException("The token " + token.name() + " was revoked already.");
        }
        audit.record(admin, AuditAction.API_TOKEN_REVOKED, "token " + token.name(), "");
        return token;
    }

    public List<ApiToken> all() {
        return tokens.all();
    }

    /** The client a presented token stands for, if it is a live token. */
    public Optional<ApiClient> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.activeByHash(hash(secret));
        token.ifPresent(this::touch);
        return token.map(t -> new ApiClient(t.id(), t.name(), t.role()));
    }

    /** When this instance last noted each token's use: a busy integration is noted once a minute, not on every call. */
    private final ConcurrentMap<Long, Instant> lastTouched = new ConcurrentHashMap<>();

    private void touch(ApiToken token) {
        Instant now = Instant.now(clock);
        Instant last = lastTouched.get(token.id());
        if (last == null || last.isBefore(now.minusSeconds(60))) {
            lastTouched.put(token.id(), now);
            tokens.touch(token.id(), now);
        }
    }

    /** The SHA-256 of the text as hex: how tokens are stored, and how a batch is fingerprinted for its idempotency key. */
    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
