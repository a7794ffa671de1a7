package io.leadline.core.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Dates as exports write them: ISO (with or without time and offset), day first with dashes, slashes or dots
 * (as in the Olist file, {@code 01-02-2018}), year first with slashes. Times without offset are UTC.
 * Month-first dates (US style) are not guessed: {@code 02/01/2018} reads as 2 January.
 */
public final class ImportDates {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            strict("uuuu-MM-dd HH:mm[:ss]"),
            strict("dd-MM-uuuu HH:mm[:ss]"),
            strict("dd/MM/uuuu HH:mm[:ss]"),
            strict("dd.MM.uuuu HH:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            strict("dd-MM-uuuu"),
            strict("dd/MM/uuuu"),
            strict("dd.MM.uuuu"),
            strict("uuuu/MM/dd"));

    private ImportDates() {}

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }
}
