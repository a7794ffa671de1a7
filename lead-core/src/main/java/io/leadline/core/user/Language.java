package io.leadline.core.user;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Leadline's pages are written in. */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    PORTUGUESE_BRAZIL(Locale.of("pt", "BR"), "Português (Brasil)");

    private final Locale locale;
    private final String ownName;

    Language(Locale locale, String ownName) {
        this.locale = locale;
        this.ownName = ownName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a language menu shows it. */
    public String ownName() {
        return ownName;
    }

    /** The BCP 47 tag stored for a user's choice ({@code en}, {@code pt-BR}). */
    public String tag() {
        return locale.toLanguageTag();
    }

    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values())
                .filter(l -> l.tag().equalsIgnoreCase(tag == null ? "" : tag.strip()))
                .findFirst();
    }

    /**
     * The first of a browser's languages, in its order of preference, that Leadline is written in: any Portuguese
     * (pt, pt-PT, pt-BR) reads Brazilian Portuguese, any English reads English; none of them, English.
     */
    public static Language forBrowser(List<Locale> preferred) {
        for (Locale wanted : preferred) {
            for (Language language : values()) {
                if (language.locale.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return ENGLISH;
    }
}
