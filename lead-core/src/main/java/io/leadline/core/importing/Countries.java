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

    /** What people typed, already looked up: exports repeat the same few spellings a million times. */
    private static final Map<String, Optional<String>> TYPED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Optional<String> isoCode(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = TYPED.get(typed);
        if (known != null) {
            return known;
        }
        Optional<String> code = Optional.ofNullable(BY_NAME.get(key(typed)));
        if (TYPED.size() < 10_000) {
            TYPED.put(typed, code);
        }
        return code;
    }

    private static String key(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
