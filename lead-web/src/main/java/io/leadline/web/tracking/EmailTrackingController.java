package io.leadline.web.tracking;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.tracking.BotAgents;
import io.leadline.core.tracking.EmailOpens;
import io.leadline.web.api.ActivityIngestion;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The email links: {@code /t/o/{token}} answers a 1×1 GIF and records an {@code email_open}; {@code /t/c/{token}}
 * records an {@code email_click} and redirects to the address signed into the link, never another. An open fetched
 * ahead by the mail service (Apple Mail privacy protection) is an {@code email_open_prefetched}, which scores only if
 * the model gives it points, or is dropped ({@code leadline.tracking.prefetched-opens=DROP}). A robot's click still
 * redirects but is not recorded.
 */
@RestController
class EmailTrackingController {

    /** What to do with an open fetched by the mail service rather than the person. */
    enum PrefetchedOpens {
        RECORD,
        DROP
    }

    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EmailLinks links;
    private final ActivityIngestion activities;
    private final Clock clock;
    private final PrefetchedOpens prefetched;

    EmailTrackingController(
            EmailLinks links,
            ActivityIngestion activities,
            Clock clock,
            @Value("${leadline.tracking.prefetched-opens:RECORD}") PrefetchedOpens prefetched) {
        this.links = links;
        this.activities = activities;
        this.clock = clock;
        this.prefetched = prefetched;
    }

    @GetMapping("/t/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        links.read(token.replaceFirst("\\.gif$", ""))
                .filter(link -> !link.click())
                .ifPresent(link -> {
                    boolean ahead = EmailOpens.prefetched(request.getHeader("User-Agent"));
                    if (!ahead || prefetched == PrefetchedOpens.RECORD) {
                        record(
                                link.leadId(),
                                ahead ? ActivityType.EMAIL_OPEN_PREFETCHED : ActivityType.EMAIL_OPEN,
                                "campaign " + link.campaign());
                    }
                });
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @GetMapping("/t/c/{token}")
    ResponseEntity<String> click(@PathVariable String token, HttpServletRequest request) {
        return links.read(token)
                .filter(EmailLinks.Link::click)
                .map(link -> {
                    if (!BotAgents.isBot(request.getHeader("User-Agent"))) {
                        record(link.leadId(), ActivityType.EMAIL_CLICK, link.url() + " — campaign " + link.campaign());
                    }
                    return ResponseEntity.status(HttpStatus.FOUND)
                            .location(URI.create(link.url()))
                            .cacheControl(CacheControl.noStore())
                            .<String>build();
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("This link is not one Leadline made."));
    }

    private void record(long leadId, ActivityType type, String detail) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        activities.recordFor(Map.of(leadId, List.of(new Activity(type, now, detail))));
    }
}
