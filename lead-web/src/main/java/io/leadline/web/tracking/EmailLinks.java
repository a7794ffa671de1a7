package io.leadline.web.tracking;

import io.leadline.core.tracking.SigningKeys;
import io.leadline.web.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signed per-lead links for the emails marketers send from their own tool: an open pixel ({@code /t/o/…}) and a click
 * link per URL ({@code /t/c/…}). The lead, the campaign and, for a click, the destination are inside the signed value,
 * so a link can neither be made up for another lead nor redirect anywhere but where it was made to go.
 */
@Component
class EmailLinks {

    /** What a link says once its signature is checked. */
    record Link(boolean click, long leadId, String campaign, String url) {}

    private final SigningKeys keys;
    private volatile byte[] key;

    EmailLinks(SigningKeys keys) {
        this.keys = keys;
    }

    String openToken(long leadId, String campaign) {
        return token("o\n" + leadId + "\n" + campaign);
    }

    String clickToken(long leadId, String campaign, String url) {
        return token("c\n" + leadId + "\n" + campaign + "\n" + url);
    }

    Optional<Link> read(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || token.length() > 4000) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        if (!Hmac.same(Hmac.shortSignature(key(), body), token.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean click = parts[0].equals("c");
        if (parts.length != (click ? 4 : 3)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Link(click, Long.parseLong(parts[1]), parts[2], click ? parts[3] : null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String token(String value) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.shortSignature(key(), body);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = keys.key("email-links");
            key = k;
        }
        return k;
    }
}
