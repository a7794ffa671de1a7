package io.leadline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a client meets at the server's edge, over a real socket. Bodies are bounded before anything reads them: a
 * 110 MB activity batch is answered 413 whether it declares its length or streams it in chunks, after at most the
 * limit has been read, and the instance goes on serving. A forged Host header is never echoed; health tells anonymous
 * callers only UP or DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpBoundaryTest {

    private static final long HUGE = 110L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenRegistry tokens;

    /** Sends the head, then up to {@code bodyBytes} of body on another thread; answers the status line and how much went. */
    private String[] exchange(String head, long bodyBytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofVirtual().start(() -> {
                byte[] event = "{\"email\":\"flood@limits.example\",\"type\":\"page_visit\"},"
                        .repeat(200)
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                    byte[] start = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
                    out.write(chunked ? ("a\r\n{\"items\":[\r\n").getBytes(StandardCharsets.US_ASCII) : start);
                    while (sent.get() < bodyBytes) {
                        if (chunked) {
                            out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(event);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(event);
                        }
                        sent.addAndGet(event.length);
                    }
                } catch (IOException closedByServer) {
                    // The server answered and closed: what we wanted.
                }
            });
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            sender.interrupt();
            return new String[] {status, Long.toString(sent.get())};
        }
    }

    private String head(String token, String lengthHeader) {
        return "POST /api/activities HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n" + lengthHeader
                + "\r\n\r\n";
    }

    @Test
    void a_declared_110_mb_batch_is_refused_before_it_is_read() throws Exception {
        String token = ApiClients.token(tokens, Role.MARKETER);
        String[] answer = exchange(head(token, "Content-Length: " + HUGE), HUGE, false);
        assertThat(answer[0]).startsWith("HTTP/1.1 413");
        assertThat(stillServes()).isTrue();
    }

    @Test
    void a_streamed_110_mb_batch_is_cut_off_at_the_limit() throws Exception {
        String token = ApiClients.token(tokens, Role.MARKETER);
        String[] answer = exchange(head(token, "Transfer-Encoding: chunked"), HUGE, true);
        assertThat(answer[0]).startsWith("HTTP/1.1 413");
        assertThat(Long.parseLong(answer[1])).as("bytes sent before the answer").isLessThan(HUGE / 4);
        assertThat(stillServes()).isTrue();
    }

    @Test
    void a_public_form_takes_kilobytes_and_no_files() throws Exception {
        String big =
                "POST /forms/spring-webinar HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 209715200\r\n\r\n";
        assertThat(exchange(big, 1024 * 1024, false)[0]).startsWith("HTTP/1.1 413");
        String multipart = "POST /forms/spring-webinar HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 2000\r\n\r\n";
        assertThat(exchange(multipart, 2000, false)[0]).startsWith("HTTP/1.1 415");
        String chunked =
                "POST /forms/spring-webinar HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n";
        assertThat(exchange(chunked, 1024 * 1024, true)[0]).startsWith("HTTP/1.1 411");
        assertThat(stillServes()).isTrue();
    }

    /** The status line and headers of a GET with this Host header. */
    private String headOf(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            while (in.readLine() != null) {
                // the body, if any
            }
            return head.toString();
        }
    }

    @Test
    void a_foreign_host_header_is_never_echoed_in_a_redirect() throws Exception {
        assertThat(headOf("/queue", "evil.example")).doesNotContain("evil.example");
        assertThat(headOf("/", "evil.example")).doesNotContain("evil.example");
    }

    @Test
    void health_names_no_components_to_anonymous_callers() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 200")
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("db")
                    .doesNotContain("components");
        }
    }

    private boolean stillServes() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return status != null && status.startsWith("HTTP/1.1 200");
        }
    }
}
