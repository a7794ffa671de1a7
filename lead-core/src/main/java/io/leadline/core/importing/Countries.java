package io.leadline.core.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Country names and codes, as people type them, to ISO 3166-1 alpha-2 codes ("Brazil", "BRA", "br" → "BR"). */
public final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            BY_NAME.put(key(code), code);
            BY_NAME.put(key(country.getISO3Country()), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            // "Hong Kong SAR China" is also "Hong Kong": Java's region qualifiers are not part of what people type.
            BY_NAME.putIfAbsent(key(country.getDisplayCountry(Locale.ENGLISH).replaceAll(" SAR China$", "")), code);
            for (Locale language : new Locale[] {Locale.of("pt"), Locale.of("es"), Locale.FRENCH, Locale.GERMAN}) {
                BY_NAME.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
        }
        // How CRMs, ISO lists and people name countries that Java's English names spell otherwise.
        Map.ofEntries(
                        Map.entry("usa", "US"),
                        Map.entry("unitedstatesofamerica", "US"),
                        Map.entry("america", "US"),
                        Map.entry("unitedstates", "US"),
                        Map.entry("uk", "GB"),
                        Map.entry("england", "GB"),
                        Map.entry("scotland", "GB"),
                        Map.entry("wales", "GB"),
                        Map.entry("northernireland", "GB"),
                        Map.entry("greatbritain", "GB"),
                        Map.entry("brasil", "BR"),
                        Map.entry("holland", "NL"),
                        Map.entry("southkorea", "KR"),
                        Map.entry("korea", "KR"),
                        Map.entry("korearepublicof", "KR"),
                        Map.entry("republicofkorea", "KR"),
                        Map.entry("koreasouth", "KR"),
                        Map.entry("northkorea", "KP"),
                        Map.entry("koreademocraticpeoplesrepublicof", "KP"),
                        Map.entry("russia", "RU"),
                        Map.entry("russianfederation", "RU"),
                        Map.entry("hongkong", "HK"),
                        Map.entry("macau", "MO"),
                        Map.entry("macao", "MO"),
                        Map.entry("taiwanprovinceofchina", "TW"),
                        Map.entry("iranislamicrepublicof", "IR"),
                        Map.entry("vietnam", "VN"),
                        Map.entry("czechrepublic", "CZ"),
                        Map.entry("turkey", "TR"),
                        Map.entry("ivorycoast", "CI"),
                        Map.entry("uae", "AE"),
                        Map.entry("tanzaniaunitedrepublicof", "TZ"),
                        Map.entry("boliviaplurinationalstateof", "BO"),
                        Map.entry("venezuelabolivarianrepublicof", "VE"),
                        Map.entry("syrianarabrepublic", "SY"),
                        Map.entry("laopeoplesdemocraticrepublic", "LA"),
                        Map.entry("moldovarepublicof", "MD"),
                        Map.entry("palestinestateof", "PS"),
                        Map.entry("palestine", "PS"),
                        Map.entry("macedonia", "MK"),
                        Map.entry("burma", "MM"),
                        Map.entry("swaziland", "SZ"),
                        Map.entry("capeverde", "CV"),
                        Map.entry("congodemocraticrepublicofthe", "CD"),
                        Map.entry("drc", "CD"),
                        Map.entry("vaticancity", "VA"),
                        Map.entry("holysee", "VA"),
                        Map.entry("micronesiafederatedstatesof", "FM"))
                .forEach(BY_NAME::put);
    }

    private Countries() {}

    /** What people typed, already looked up: exports repeat the same few spellings a million times. */
    private static final Map<String, Optional<String>> TYPED = new ConcurrentHashMap<>();

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
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
