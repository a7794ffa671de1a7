package io.leadline.web.i18n;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Country names in the reader's language, for the ISO codes Leadline stores: {@code ${@countries.name('BR')}}. */
@Component("countries")
public class Countries {

    /** The sorted list per language, built once each: a form page asks for it on every render. */
    private final Map<Locale, List<Country>> sorted = new ConcurrentHashMap<>();

    /** One choice of a country list. */
    public record Country(String code, String name) {}

    /** "Brasil (BR)" for a pt-BR reader, "Brazil (BR)" for an English one; a code Java does not know, as it is. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    /** Every ISO country, by its name in the reader's language in that language's alphabetical order. */
    public List<Country> all() {
        return sorted.computeIfAbsent(
                LocaleContextHolder.getLocale(),
                locale -> Arrays.stream(Locale.getISOCountries())
                        .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                        .sorted(Comparator.comparing(Country::name, Collator.getInstance(locale)))
                        .toList());
    }
}
