package io.leadline.web.tracking;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.importing.CellText;
import io.leadline.core.tracking.BotAgents;
import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSite;
import io.leadline.core.tracking.WebsiteHits.Hit;
import io.leadline.web.tracking.VisitorIds.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /t/{siteKey}/collect}: the snippet's hits. Public and cookie-free (the visitor id travels in the body);
 * only from the site's origins (CORS and the Origin header, see TrackingCors); robots, privacy signals the site honours
 * and hits without the consent the site requires are dropped quietly (204). A page view is answered with the visitor
 * id to keep (200), everything else with 204. The body is bounded (RequestBodyLimits) and senders are rate-limited.
 */
@RestController
class CollectController {

    static final Duration LONGEST_VIEW = Duration.ofHours(12);

    private final SiteDirectory sites;
    private final VisitorIds visitorIds;
    private final HitLimits limits;
    private final HitBuffer buffer;
    private final WebsiteTracking tracking;
    private final JsonMapper json;
    private final Clock clock;

    CollectController(
            SiteDirectory sites,
            VisitorIds visitorIds,
            HitLimits limits,
            HitBuffer buffer,
            WebsiteTracking tracking,
            JsonMapper json,
            Clock clock) {
        this.sites = sites;
        this.visitorIds = visitorIds;
        this.limits = limits;
        this.buffer = buffer;
        this.tracking = tracking;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/t/{siteKey}/collect")
    ResponseEntity<?> collect(
            @PathVariable String siteKey, @RequestBody(required = false) String body, HttpServletRequest request) {
        Optional<TrackedSite> found = sites.byKey(siteKey);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "There is no tracked site " + siteKey + ".");
        }
        TrackedSite site = found.get();
        if (!site.origins().allows(origin(request))) {
            return problem(HttpStatus.FORBIDDEN, "Hits for this site are taken only from its own pages.");
        }
        if (BotAgents.isBot(request.getHeader("User-Agent")) || site.honourPrivacySignals() && privacySignal(request)) {
            return ResponseEntity.noContent().build();
        }
        CollectedHit hit;
        try {
            hit = json.readValue(body == null ? "" : body, CollectedHit.class);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "The hit is not the JSON the snippet sends.");
        }
        if (hit == null || hit.k() == null) {
            return problem(HttpStatus.BAD_REQUEST, "Say what the hit is (k: page_view, page_time, event or identify).");
        }
        if (site.consentRequired() && !Integer.valueOf(1).equals(hit.c())) {
            return ResponseEntity.noContent().build();
        }
        Optional<Visitor> known = visitorIds
                .read(hit.v())
                .filter(v -> v.site().id() == site.id())
                .or(() -> visitorIds.provisional(site, hit.pid()));
        if (known.isEmpty() && !hit.k().equals("page_view")) {
            return ResponseEntity.noContent().build();
        }
        if (!limits.allow(
                request.getRemoteAddr(), known.map(v -> v.id().toString()).orElse(null))) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many hits; slow down.");
        }
        Visitor visitor = known.orElseGet(() -> visitorIds.issue(site));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (hit.k().equals("identify")) {
            tracking.identify(visitor, hit.email(), hit.token());
            return ResponseEntity.noContent().build();
        }
        Hit stored;
        try {
            stored = checked(site, visitor, hit, now);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!buffer.offer(stored)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Leadline is busy; this hit was not kept.");
        }
        return stored.kind() == HitKind.PAGE_VIEW
                ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("v", visitor.token()))
                : ResponseEntity.noContent().build();
    }

    private static Hit checked(TrackedSite site, Visitor visitor, CollectedHit hit, Instant now) {
        HitKind kind = switch (hit.k()) {
            case "page_view" -> HitKind.PAGE_VIEW;
            case "page_time" -> HitKind.PAGE_TIME;
            case "event" -> HitKind.EVENT;
            default ->
                throw new IllegalArgumentException(
                        "k is page_view, page_time, event or identify, not " + shorter(hit.k(), 20) + ".");
        };
        String pageView = hit.pv();
        if (kind != HitKind.EVENT && (pageView == null || !pageView.matches("[a-z0-9]{1,24}"))) {
            throw new IllegalArgumentException("pv, the page view's id, is 1 to 24 letters and digits.");
        }
        String url = null;
        if (kind != HitKind.PAGE_TIME) {
            url = text(hit.url(), 2000);
            if (url == null
                    || !url.matches("(?i)https?://.*")
                    || !site.origins().allows(SiteOrigins.normalised(url))) {
                throw new IllegalArgumentException("url is the address of a page of this site.");
            }
        }
        Integer millis = null;
        if (kind == HitKind.PAGE_TIME) {
            if (hit.ms() == null || hit.ms() < 0 || hit.ms() > LONGEST_VIEW.toMillis()) {
                throw new IllegalArgumentException(
                        "ms, the time the page was in view, is 0 to " + LONGEST_VIEW.toMillis() + ".");
            }
            millis = hit.ms().intValue();
        }
        String event = null;
        if (kind == HitKind.EVENT) {
            event = new ActivityType(hit.e() == null ? "" : hit.e()).key();
        }
        return new Hit(
                site.id(),
                visitor.id(),
                now,
                kind,
                pageView,
                url,
                text(hit.title(), 300),
                text(hit.ref(), 2000),
                text(hit.utmSource(), 100),
                text(hit.utmMedium(), 100),
                text(hit.utmCampaign(), 100),
                millis,
                event);
    }

    /** The page's own origin: the Origin header, or the Referer's when a browser sends none. */
    private static String origin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank() && !origin.equals("null")) {
            return origin;
        }
        String referer = request.getHeader("Referer");
        return referer == null ? null : SiteOrigins.normalised(referer);
    }

    private static boolean privacySignal(HttpServletRequest request) {
        return "1".equals(request.getHeader("Sec-GPC")) || "1".equals(request.getHeader("DNT"));
    }

    private static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return shorter(CellText.visible(raw).strip(), max);
    }

    private static String shorter(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
