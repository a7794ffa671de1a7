package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    /** What "is a placeholder" means, said plainly: the stripped text, lower-cased, is one of the texts. */
    private static boolean reference(String text) {
        return text != null && Placeholders.TEXTS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    @Test
    void every_placeholder_in_any_case_and_padding_is_one() {
        for (String t : Placeholders.TEXTS) {
            for (String written : List.of(t, t.toUpperCase(Locale.ROOT), " " + t + "\t", "\u2003" + capitalised(t))) {
                assertThat(Placeholders.is(written)).as(written).isTrue();
            }
        }
        assertThat(Placeholders.is(null)).isFalse();
        assertThat(Placeholders.is("  ")).isFalse();
        assertThat(Placeholders.is("Nelson")).isFalse();
        assertThat(Placeholders.is("n/a/b")).isFalse();
    }

    @Test
    void the_fast_answer_is_the_plain_one_on_generated_cells() {
        Random random = new Random(20261202);
        String alphabet = "nulNULaA/-?#[]() .eptydsoivkwrbcNOSEPT\tx1é";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder cell = new StringBuilder();
            if (random.nextInt(4) == 0) {
                String t = Placeholders.TEXTS.stream()
                        .skip(random.nextInt(Placeholders.TEXTS.size()))
                        .findFirst()
                        .orElseThrow();
                cell.append(random.nextBoolean() ? t.toUpperCase(Locale.ROOT) : t);
                if (random.nextBoolean()) {
                    cell.insert(random.nextInt(cell.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                for (int k = random.nextInt(16); k > 0; k--) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = cell.toString();
            assertThat(Placeholders.is(text)).as("\"" + text + "\"").isEqualTo(reference(text));
        }
    }

    private static String capitalised(String t) {
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
