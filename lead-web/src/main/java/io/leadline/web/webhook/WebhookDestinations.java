package io.leadline.web.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go (SSRF): http or https URLs whose host resolves only to public addresses. Loopback, private,
 * link-local, unique-local, multicast and unspecified addresses are refused unless an admin allows the host by name in
 * {@code leadline.webhooks.allowed-hosts} (a CRM inside the company network). Checked when an endpoint is registered and
 * again before every delivery (a name may resolve elsewhere later).
 */
@Component
class WebhookDestinations {

    private final Set<String> allowedHosts;

    WebhookDestinations(@Value("${leadline.webhooks.allowed-hosts:}") String allowedHosts) {
        this.allowedHosts = Arrays.stream(allowedHosts.split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** The URL if webhooks may go there; otherwise an {@link IllegalArgumentException} saying why not. */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("That is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("A webhook URL starts with https:// (or http://) and names a host.");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(
                    "Put no user name or password in the URL: deliveries are signed instead.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host " + host + " is not known.");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new IllegalArgumentException(
                        "The host " + host + " is an internal address (" + address.getHostAddress()
                                + "): webhooks go to public hosts unless an administrator allows this one in leadline.webhooks.allowed-hosts.");
            }
        }
        return uri;
    }

    private static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()
                || uniqueLocal
                || carrierNat;
    }
}
