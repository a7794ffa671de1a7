package io.leadline.web.forms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed values for the public forms, which have no session: a form token (the form was served by us, lately,
 * for this campaign) and the returning-visitor cookie (which lead this browser submitted before). HMAC-SHA256
 * with {@code leadline.forms.secret}, or a random key per start when none is set.
 */
@Component
class FormTokens {

    static final Duration FORM_VALIDITY = Duration.ofHours(2);

    private final byte[] key;
    private final Clock clock;

    FormTokens(@Value("${leadline.forms.secret:}") String secret, Clock clock) {
        this.clock = clock;
        if (secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    String formToken(String campaign) {
        String value = campaign + ":" + clock.millis();
        return value + ":" + sign(value);
    }

    /** Whether the token was signed by us for this campaign and is not older than two hours. */
    boolean validFormToken(String token, String campaign) {
        return verified(token).map(value -> {
            int colon = value.lastIndexOf(':');
            if (colon < 0 || !value.substring(0, colon).equals(campaign)) {
                return false;
            }
            try {
                long issued = Long.parseLong(value.substring(colon + 1));
                return clock.millis() - issued <= FORM_VALIDITY.toMillis() && issued <= clock.millis();
            } catch (NumberFormatException e) {
                return false;
            }
        }).orElse(false);
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
        boolean ok = MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.UTF_8),
                signed.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.of(value) : Optional.empty();
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
