package io.leadline.core.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Country names and codes, as people type them, to ISO 3166-1 alpha-2 codes ("Brazil", "BRA", "br" → "BR"). */
public final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            BY_NAME.put(key(code), code);
            BY_NAME.put(key(country.getISO3Country()), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            for (Locale language : new Locale[] {Locale.of("pt"), Locale.of("es"), Locale.FRENCH, Locale.GERMAN}) {
                BY_NAME.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
        }
        Map.of("usa", "US", "unitedstatesofamerica", "US", "america", "US", "uk", "GB", "england", "GB",
                "greatbritain", "GB", "brasil", "BR", "holland", "NL", "southkorea", "KR", "russia", "RU").forEach(BY_NAME::put);
    }

    private Countries() {
    }

    public static Optional<String> isoCode(String typed) {
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key(typed)));
    }

    private static String key(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
