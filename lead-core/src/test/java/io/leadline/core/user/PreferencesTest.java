package io.leadline.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user's language and zone: their own choice, else the browser's, else English and UTC. */
class PreferencesTest {

    private static final Locale PT_BR = Locale.of("pt", "BR");

    @Test
    void the_browsers_first_language_leadline_has_wins_in_the_browsers_order() {
        assertThat(Language.forBrowser(List.of(Locale.GERMAN, Locale.of("pt", "PT"), Locale.ENGLISH)))
                .isEqualTo(Language.PORTUGUESE_BRAZIL);
        assertThat(Language.forBrowser(List.of(Locale.GERMAN, Locale.UK, PT_BR)))
                .isEqualTo(Language.ENGLISH);
        assertThat(Language.forBrowser(List.of(Locale.JAPANESE, Locale.FRENCH))).isEqualTo(Language.ENGLISH);
        assertThat(Language.forBrowser(List.of())).isEqualTo(Language.ENGLISH);
    }

    /** Seeded: any list of browser languages reads the first Portuguese or English one of it, else English. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void any_browser_list_reads_its_first_known_language(long seed) {
        Random random = new Random(seed);
        Locale[] pool = {
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.JAPANESE,
            Locale.US,
            Locale.UK,
            PT_BR,
            Locale.of("pt"),
            Locale.of("es", "AR")
        };
        for (int i = 0; i < 200; i++) {
            List<Locale> browser = random.ints(random.nextInt(5), 0, pool.length)
                    .mapToObj(n -> pool[n])
                    .toList();
            Language expected = browser.stream()
                    .filter(l -> l.getLanguage().equals("pt") || l.getLanguage().equals("en"))
                    .findFirst()
                    .map(l -> l.getLanguage().equals("pt") ? Language.PORTUGUESE_BRAZIL : Language.ENGLISH)
                    .orElse(Language.ENGLISH);
            assertThat(Language.forBrowser(browser)).as(browser.toString()).isEqualTo(expected);
        }
    }

    @Test
    void a_stored_choice_holds_over_what_the_browser_says() {
        Preferences chosen = Preferences.stored("pt-BR", "America/Sao_Paulo");
        assertThat(chosen.languageFor(List.of(Locale.US))).isEqualTo(Language.PORTUGUESE_BRAZIL);
        assertThat(chosen.zoneFor(Optional.of(ZoneId.of("Asia/Tokyo")))).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(Preferences.stored(
                        chosen.language().get().tag(), chosen.timeZone().get().getId()))
                .isEqualTo(chosen);
    }

    @Test
    void nothing_chosen_follows_the_browser_and_then_utc() {
        assertThat(Preferences.BROWSER.zoneFor(Optional.of(ZoneId.of("Europe/Lisbon"))))
                .isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(Preferences.BROWSER.zoneFor(Optional.empty())).isEqualTo(ZoneId.of("UTC"));
        assertThat(Preferences.stored(null, null)).isEqualTo(Preferences.BROWSER);
        assertThat(Preferences.stored("klingon", "Mars/Olympus_Mons"))
                .as("unknown values read as not chosen")
                .isEqualTo(Preferences.BROWSER);
        assertThat(Preferences.zone(" ")).isEmpty();
    }
}
