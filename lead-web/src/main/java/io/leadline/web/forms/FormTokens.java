package io.leadline.web.forms;

import io.leadline.web.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed values for the public forms, which have no session: a form token (the form was served by us, lately,
 * for this campaign, for one submission) and the returning-visitor cookie (which lead this browser submitted before). HMAC-SHA256
 * with {@code leadline.forms.secret}, or a random key per start when none is set.
 */
@Component
class FormTokens {

    /** How long a served form may wait for its one submission. */
    static final Duration FORM_VALIDITY = Duration.ofHours(1);
    /** A shorter secret could be guessed offline from one signed cookie. */
    static final int MINIMUM_SECRET_LENGTH = 32;

    private final byte[] key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FormTokens(@Value("${leadline.forms.secret:}") String secret, Clock clock) {
        this.clock = clock;
        if (secret.isBlank()) {
            key = new byte[32];
            random.nextBytes(key);
        } else if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("leadline.forms.secret (LEADLINE_FORMS_SECRET) has " + secret.length()
                    + " characters; use at least " + MINIMUM_SECRET_LENGTH
                    + " random ones (openssl rand -base64 32), or leave it "
                    + "unset for a random key per start.");
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A token for one submission of the campaign's form: campaign, time of issue and a random nonce, signed. */
    String formToken(String campaign) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String value = campaign + ":" + clock.millis() + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return value + ":" + sign(value);
    }

    /** The nonce of a token we signed for this campaign within the last hour; empty for anything else. */
    Optional<String> formNonce(String token, String campaign) {
        return verified(token).flatMap(value -> {
            String[] parts = value.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(campaign) || parts[2].isEmpty()) {
                return Optional.empty();
            }
            try {
                long issued = Long.parseLong(parts[1]);
                boolean fresh = clock.millis() - issued <= FORM_VALIDITY.toMillis() && issued <= clock.millis();
                return fresh ? Optional.of(parts[2]) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    String visitor(long leadId) {
        String value = Long.toString(leadId);
        return value + ":" + sign(value);
    }

    Optional<Long> visitorLead(String cookie) {
        return verified(cookie).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> verified(String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int colon = signed.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, colon);
        boolean ok = Hmac.same(sign(value), signed.substring(colon + 1));
        return ok ? Optional.of(value) : Optional.empty();
    }

    private String sign(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sign(key, value));
    }
}
