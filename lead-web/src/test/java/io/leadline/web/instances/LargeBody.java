package io.leadline.web.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Streams an activity batch of any size to an instance in chunks, without holding it; answers the status line. */
final class LargeBody {

    private LargeBody() {}

    /** @return the status line the instance answered, and how many bytes had gone by then */
    static Answer postActivities(AppNode node, String token, long bytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", node.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/activities HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                            + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofVirtual().start(() -> {
                byte[] events = "{\"email\":\"flood@instances.example\",\"type\":\"page_visit\"},"
                        .repeat(500)
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                    out.write("a\r\n{\"items\":[\r\n".getBytes(StandardCharsets.US_ASCII));
                    while (sent.get() < bytes) {
                        out.write((Integer.toHexString(events.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(events);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(events.length);
                    }
                } catch (IOException closedByServer) {
                    // answered and closed: expected
                }
            });
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            sender.interrupt();
            return new Answer(status, sent.get());
        }
    }

    record Answer(String status, long bytesSent) {}
}
