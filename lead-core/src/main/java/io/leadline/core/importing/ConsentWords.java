package io.leadline.core.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A yes-or-no cell as CRM exports write it: {@code true}/{@code false}, {@code 1}/{@code 0}, {@code Yes}/{@code No},
 * {@code Opted in}/{@code Opted out}, {@code Subscribed}/{@code Unsubscribed}, in English, Portuguese, Spanish, German
 * and French. Anything else is no answer.
 */
public final class ConsentWords {

    private static final Set<String> YES = Set.of(
            "yes",
            "y",
            "true",
            "t",
            "1",
            "x",
            "on",
            "sim",
            "si",
            "ja",
            "oui",
            "optedin",
            "optin",
            "subscribed",
            "granted",
            "given",
            "consented",
            "agreed",
            "accepted",
            "checked");
    private static final Set<String> NO = Set.of(
            "no",
            "n",
            "false",
            "f",
            "0",
            "off",
            "nao",
            "nein",
            "non",
            "optedout",
            "optout",
            "unsubscribed",
            "withdrawn",
            "denied",
            "declined",
            "refused",
            "revoked",
            "unchecked");

    private ConsentWords() {}

    /** The answer a cell gives: yes, no, or none. */
    public static Optional<Boolean> answer(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(cell.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]", "");
        if (YES.contains(folded)) {
            return Optional.of(true);
        }
        return NO.contains(folded) ? Optional.of(false) : Optional.empty();
    }
}
