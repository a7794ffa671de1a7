package io.leadline.web.tracking;

import io.leadline.core.tracking.TrackedSite;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Cross-origin rules of the collect endpoint, per site: a page of one of the site's origins may post hits (and read the
 * visitor id in the answer); any other origin is refused before the endpoint runs. No credentials: Leadline's cookies
 * never travel with a hit.
 */
@Component
public class TrackingCors implements CorsConfigurationSource {

    private static final Pattern COLLECT = Pattern.compile("/t/([^/]+)/collect");

    private final SiteDirectory sites;

    TrackingCors(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        Matcher path = COLLECT.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.matches()) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        String origin = request.getHeader("Origin");
        sites.byKey(path.group(1))
                .filter(site -> site.origins().allows(origin))
                .map(TrackedSite::id)
                .ifPresent(site -> cors.setAllowedOrigins(List.of(origin)));
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofDays(1));
        return cors;
    }
}
