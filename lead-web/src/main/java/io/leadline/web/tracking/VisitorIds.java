package io.leadline.web.tracking;

import io.leadline.core.tracking.TrackedSite;
import io.leadline.web.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The visitor ids Leadline gives the snippet ({@code siteKey.uuid.signature}, signed with the site's secret) and the
 * identify tokens a site's own server makes. A visitor id is random and signed, so it cannot be made up or guessed;
 * it names nobody until a form submission or an identify token attaches it to a lead.
 */
@Component
public class VisitorIds {

    /** A visitor of a site, read from a signed id. */
    public record Visitor(TrackedSite site, UUID id, String token) {}

    private final SiteDirectory sites;

    VisitorIds(SiteDirectory sites) {
        this.sites = sites;
    }

    Visitor issue(TrackedSite site) {
        return signed(site, UUID.randomUUID());
    }

    /**
     * The visitor a snippet's own random id stands for, before the snippet has its signed id (the answer to its
     * first page view may be lost to a quick click): always the same visitor for the same id, and none can be derived
     * without the site's secret.
     */
    Optional<Visitor> provisional(TrackedSite site, String pid) {
        if (pid == null || !pid.matches("[a-z0-9]{16,40}")) {
            return Optional.empty();
        }
        byte[] digest = Hmac.sign(("provisional:" + site.secret()).getBytes(StandardCharsets.UTF_8), pid);
        return Optional.of(signed(site, UUID.nameUUIDFromBytes(digest)));
    }

    private Visitor signed(TrackedSite site, UUID id) {
        String value = site.siteKey() + "." + id;
        return new Visitor(site, id, value + "." + Hmac.shortSignature(key(site), value));
    }

    /** The visitor a signed id names, if the signature is the site's. */
    public Optional<Visitor> read(String token) {
        if (token == null || token.length() > 120) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return sites.byKey(parts[0]).flatMap(site -> {
            String value = parts[0] + "." + parts[1];
            if (!Hmac.same(Hmac.shortSignature(key(site), value), parts[2])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Visitor(site, UUID.fromString(parts[1]), token));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The identify token for an email, as the site's server makes it: the hex HMAC-SHA256 of the email in lower case,
     * keyed with the site's identify secret.
     */
    static String identifyToken(TrackedSite site, String email) {
        return HexFormat.of()
                .formatHex(Hmac.sign(
                        site.secret().getBytes(StandardCharsets.UTF_8),
                        email.strip().toLowerCase(Locale.ROOT)));
    }

    static boolean identifies(TrackedSite site, String email, String token) {
        return token != null
                && Hmac.same(identifyToken(site, email), token.strip().toLowerCase(Locale.ROOT));
    }

    private static byte[] key(TrackedSite site) {
        return ("visitor:" + site.secret()).getBytes(StandardCharsets.UTF_8);
    }
}
