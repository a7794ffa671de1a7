package io.leadline.web.i18n;

import io.leadline.core.user.Preferences;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * Each page's language and time zone: the signed-in user's own choice (read with their access on every request, see
 * {@code SessionStanding}), else the browser's — its first language Leadline is written in ({@code Accept-Language}),
 * and the zone its script reports in the {@value #ZONE_COOKIE} cookie (UTC until then).
 */
@Component("localeResolver")
public class UserLocales implements LocaleContextResolver {

    /** Set by leadline.js from {@code Intl.DateTimeFormat().resolvedOptions().timeZone}. */
    public static final String ZONE_COOKIE = "leadline_tz";

    private static final String PREFERENCES = UserLocales.class.getName() + ".preferences";

    /** Leaves a signed-in user's preferences on the request, for this resolver. */
    public static void remember(HttpServletRequest request, Preferences preferences) {
        request.setAttribute(PREFERENCES, preferences);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        Preferences preferences = request.getAttribute(PREFERENCES) instanceof Preferences p ? p : Preferences.BROWSER;
        Locale locale = preferences.languageFor(browserLanguages(request)).locale();
        ZoneId zone = preferences.zoneFor(browserZone(request));
        return new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale locale = resolveLocaleContext(request).getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    /** The browser's languages in its order; none when it sent no {@code Accept-Language} (not the server's). */
    public static List<Locale> browserLanguages(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? List.of() : Collections.list(request.getLocales());
    }

    static Optional<ZoneId> browserZone(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (ZONE_COOKIE.equals(cookie.getName())) {
                return Preferences.zone(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Languages and zones are chosen on the preferences page, not by a request parameter. */
    @Override
    public void setLocaleContext(
            HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("A user's language and time zone are set on the preferences page");
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        setLocaleContext(request, response, null);
    }
}
