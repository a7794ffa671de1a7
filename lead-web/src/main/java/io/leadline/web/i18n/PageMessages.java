package io.leadline.web.i18n;

import io.leadline.core.Refusal;
import io.leadline.core.Refused;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * What controllers say on a page (flash messages, refusals) in the reader's language: {@code messages.get("key", args)}
 * reads messages*.properties for this request's locale ({@link UserLocales}).
 */
@Component
public class PageMessages {

    private final MessageSourceAccessor messages;

    PageMessages(MessageSource source) {
        this.messages = new MessageSourceAccessor(source);
    }

    public String get(String code, Object... arguments) {
        return messages.getMessage(code, arguments);
    }

    /**
     * What a refusal of the domain says in the reader's language: a {@link Refused} one is read from {@code refusal.<key>}
     * with its arguments (its {@link Refusal.Word}s in that language too); any other refusal, or a key the bundles do
     * not have, says its own message, as a sentence.
     */
    public String refusal(RuntimeException refused) {
        String english = sentence(refused.getMessage());
        if (!(refused instanceof Refused refusal)) {
            return english;
        }
        Object[] arguments = refusal.arguments().stream().map(this::word).toArray();
        return messages.getMessage("refusal." + refusal.key(), arguments, english);
    }

    /** A refusal's argument as the reader reads it: words in their language, several joined. */
    private Object word(Object argument) {
        if (argument instanceof Refusal.Word word) {
            return messages.getMessage(word.key(), word.english());
        }
        if (argument instanceof List<?> several) {
            return several.stream().map(a -> String.valueOf(word(a))).collect(Collectors.joining(", "));
        }
        return argument;
    }

    /** The text with a capital first letter and a full stop at the end. */
    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String trimmed = text.strip();
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.endsWith(".") || capital.endsWith("?") || capital.endsWith("!") ? capital : capital + ".";
    }

    /** The message in a language other than the page's (the one a user has just chosen, for the next page). */
    public String in(Locale language, String code, Object... arguments) {
        return messages.getMessage(code, arguments, language);
    }
}
