package io.leadline.web.i18n;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Enum values named in the reader's language, joined: {@code ${@labels.join('buying.', a.rolesEngaged)}} reads
 * {@code buying.EXECUTIVE}, {@code buying.MANAGER}… from messages*.properties, in the enum's order.
 */
@Component("labels")
public class Labels {

    private final PageMessages messages;

    Labels(PageMessages messages) {
        this.messages = messages;
    }

    public String join(String prefix, Collection<? extends Enum<?>> values) {
        return values.stream()
                .sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                .map(value -> messages.get(prefix + value.name()))
                .collect(Collectors.joining(", "));
    }
}
