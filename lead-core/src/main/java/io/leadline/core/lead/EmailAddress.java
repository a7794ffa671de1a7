package io.leadline.core.lead;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lead's email address, trimmed and lower-cased so that two spellings of one address are one lead.
 * The syntax check is deliberately practical (one {@code @}, a dotted domain, no spaces), not RFC 5322.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");

    public EmailAddress {
        String normalised = normalise(value);
        if (!isValid(normalised)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid email address");
        }
        value = normalised;
    }

    /** The address if {@code raw} is a valid one, after trimming and lower-casing. */
    public static Optional<EmailAddress> parse(String raw) {
        String normalised = normalise(raw);
        return isValid(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
    }

    /** The part after the {@code @}, e.g. {@code acme.com}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isValid(String normalised) {
        return normalised.length() <= MAX_LENGTH
                && !normalised.contains("..")
                && SHAPE.matcher(normalised).matches();
    }
}
