package io.leadline.web.instances;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** API calls of the two-instance tests: a token stored straight in the shared database, and activity batches. */
final class ApiBatch {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiBatch() {}

    /** A MARKETER token, as the settings page would store it (only its SHA-256). */
    static String token(Connection db, String name) throws Exception {
        String secret = "ll_two-instances-" + name + "-" + UUID.randomUUID(); // tokens start ll_
        var insert = db.prepareStatement(
                "insert into api_token (name, role, token_hash, token_prefix, created_by, created_at) "
                        + "values (?, 'MARKETER', ?, ?, 'test', now())");
        insert.setString(1, name);
        insert.setString(
                2,
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
        insert.setString(3, secret.substring(0, 10));
        insert.executeUpdate();
        return secret;
    }

    /** New leads {@code <prefix>-0@…} to {@code <prefix>-(count-1)@…}, each made an MQL by three high-intent events. */
    static int newMqls(AppNode node, String token, String prefix, int count) throws Exception {
        String items = IntStream.range(0, count)
                .mapToObj(i -> prefix + "-" + i + "@rotation.example")
                .flatMap(email -> Stream.of("demo_request", "pricing_page_visit", "content_download")
                        .map(type -> "{\"email\":\"" + email + "\",\"type\":\"" + type + "\"}"))
                .collect(Collectors.joining(","));
        HttpRequest request = HttpRequest.newBuilder(node.uri("/api/activities"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[" + items + "]}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
