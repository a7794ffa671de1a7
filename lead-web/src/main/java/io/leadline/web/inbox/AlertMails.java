package io.leadline.web.inbox;

import io.leadline.core.inbox.AlertMode;
import io.leadline.core.inbox.Alerts;
import io.leadline.core.inbox.InboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the inbox's notices to users who gave an address, from whichever instance takes them first, after the events
 * that made them committed. A mail that fails (the server down, a bounce at the door) is tried again once its lease
 * runs out; it never blocks a request. Without {@code spring.mail.host} there is no mail sender and nothing is mailed:
 * the inbox still works.
 */
@Component
class AlertMails {

    private static final Logger log = LoggerFactory.getLogger(AlertMails.class);
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Alerts alerts;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    AlertMails(
            Alerts alerts,
            ObjectProvider<JavaMailSender> mail,
            Clock clock,
            @Value("${leadline.mail.from:leadline@localhost}") String from,
            @Value("${leadline.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.alerts = alerts;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Whether this instance can send mail at all (a mail server is configured). */
    boolean on() {
        return mail.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${leadline.mail.poll-millis:5000}")
    void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        Instant now = Instant.now(clock);
        for (Alerts.Mail due : alerts.takeDue(now, now.plus(LEASE), 200)) {
            try {
                sender.send(message(due));
                alerts.mailed(due.items().stream().map(InboxItem::id).toList(), Instant.now(clock));
            } catch (MailException e) {
                // Left leased: tried again once the lease runs out.
                log.warn(
                        "An alert mail to user {} failed ({}); it is tried again later",
                        due.username(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private SimpleMailMessage message(Alerts.Mail due) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email());
        List<InboxItem> items = due.items();
        message.setSubject(
                due.mode() == AlertMode.HOURLY || items.size() > 1
                        ? "Leadline: " + items.size() + (items.size() == 1 ? " notice" : " notices") + " in your inbox"
                        : "Leadline: " + items.getFirst().text());
        message.setText(items.stream()
                        .map(i -> i.kind().label() + ": " + i.text() + "\n" + baseUrl + NoticeLinks.pathOf(i))
                        .collect(Collectors.joining("\n\n"))
                + "\n\nYour inbox: " + baseUrl + "/inbox\n"
                + "Change how you get these: " + baseUrl + "/account/alerts\n");
        return message;
    }
}
