package io.leadline.web.i18n;

import java.util.Locale;
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

    /** The message in a language other than the page's (the one a user has just chosen, for the next page). */
    public String in(Locale language, String code, Object... arguments) {
        return messages.getMessage(code, arguments, language);
    }
}
