package io.leadline.web.webhook;

import io.leadline.web.signing.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery, as Stripe and HubSpot v3 sign theirs: HMAC-SHA256 with the endpoint's secret
 * over {@code timestamp + "." + body}, sent as {@code Leadline-Signature: t=<unix seconds>,v1=<hex>}. A receiver
 * recomputes it, compares in constant time, and refuses a timestamp more than {@link #TOLERANCE_SECONDS} from its clock
 * (a replayed delivery).
 */
public final class WebhookSignature {

    public static final String HEADER = "Leadline-Signature";
    public static final long TOLERANCE_SECONDS = 300;

    private WebhookSignature() {}

    /** The header's value for this body signed at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    /** Whether the header signs this body with this secret, within the tolerance of {@code nowEpochSeconds}. */
    public static boolean verifies(String secret, String header, String body, long nowEpochSeconds) {
        long t = -1;
        String v1 = null;
        for (String part : header == null ? new String[0] : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("\\d{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null || Math.abs(nowEpochSeconds - t) > TOLERANCE_SECONDS) {
            return false;
        }
        return Hmac.same(hmac(secret, t + "." + body), v1);
    }

    private static String hmac(String secret, String payload) {
        return HexFormat.of().formatHex(Hmac.sign(secret.getBytes(StandardCharsets.UTF_8), payload));
    }
}
