package io.leadline.core.user;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a user reads Leadline: a language and a time zone, each empty to follow what their browser says.
 *
 * @param language the pages' language; empty: the browser's first language Leadline is written in
 * @param timeZone the zone dates and times are shown in; empty: the browser's zone (UTC until the browser told it)
 */
public record Preferences(Optional<Language> language, Optional<ZoneId> timeZone) {

    public static final Preferences BROWSER = new Preferences(Optional.empty(), Optional.empty());

    /** The preferences stored as text ({@code null} or an unknown value: the browser's). */
    public static Preferences stored(String languageTag, String zone) {
        return new Preferences(Language.ofTag(languageTag), zone(zone));
    }

    /** A time zone by its IANA name ({@code America/Sao_Paulo}); empty when blank or not a zone Java knows. */
    public static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public Language languageFor(List<Locale> browserLanguages) {
        return language.orElseGet(() -> Language.forBrowser(browserLanguages));
    }

    public ZoneId zoneFor(Optional<ZoneId> browserZone) {
        return timeZone.or(() -> browserZone).orElse(ZoneId.of("UTC"));
    }
}
