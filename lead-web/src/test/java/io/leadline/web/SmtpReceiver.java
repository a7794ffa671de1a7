package io.leadline.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server for tests, on a free port of 127.0.0.1: it speaks enough of RFC 5321 (HELO/EHLO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT) for a real mail client, and keeps every message it accepts.
 */
public final class SmtpReceiver implements AutoCloseable {

    /** One accepted message: its recipients and its raw text (headers and body). */
    public record Message(List<String> recipients, String text) {}

    private final ServerSocket server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public SmtpReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "smtp-receiver");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // The client went away, or the server was closed: wait for the next one.
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost test SMTP");
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4
                    ? line.toUpperCase()
                    : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "HELO", "EHLO", "MAIL", "NOOP" -> reply(out, "250 OK");
                case "RSET" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with .");
                    StringBuilder text = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        text.append(line.startsWith("..") ? line.substring(1) : line)
                                .append('\n');
                    }
                    messages.add(new Message(List.copyOf(recipients), text.toString()));
                    recipients.clear();
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
