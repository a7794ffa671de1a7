package io.leadline.web.instances;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser as far as sessions go: it keeps the SESSION cookie itself and sends it to whichever instance
 * it talks to, as it would through a load balancer. No redirects are followed, so each answer can be checked.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String session;

    HttpResponse<String> get(AppNode node, String path) throws Exception {
        return remember(http.send(request(node.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts a form with the CSRF token of the page {@code from} on the same node. */
    HttpResponse<String> post(AppNode node, String from, String path, Map<String, String> form) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf(node, from));
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(http.send(
                request(node.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Uploads a file as the import page's form does. */
    HttpResponse<String> upload(AppNode node, String from, String path, String fileName, byte[] content)
            throws Exception {
        String boundary = "leadline-" + UUID.randomUUID();
        String csrf = csrf(node, from);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nLEADS\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return remember(http.send(
                request(node.uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private String csrf(AppNode node, String page) throws Exception {
        Matcher m = CSRF.matcher(get(node, page).body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on " + page + " of instance " + node.name);
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(URI uri) {
        var builder = HttpRequest.newBuilder(uri);
        if (session != null) {
            builder.header("Cookie", "SESSION=" + session);
        }
        return builder;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .ifPresent(c ->
                        session = c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        return response;
    }
}
