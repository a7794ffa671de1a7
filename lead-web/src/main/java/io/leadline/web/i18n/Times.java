package io.leadline.web.i18n;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the reader reads them: in their language's format and their time zone ({@link UserLocales}),
 * the zone named after each time. Templates call it as {@code ${@times.at(lead.createdAt)}}.
 */
@Component("times")
public class Times {

    /** Formatters by language and style, built once each (the queue page formats two times in each of its rows). */
    private final Map<Format, DateTimeFormatter> formats = new ConcurrentHashMap<>();

    /** {@code time} null: the date alone. */
    private record Format(Locale locale, FormatStyle time) {}

    /** A moment with its date, time and zone: "3 Dec 2026, 16:08 BRT", "3 de dez. de 2026 16:08 BRT". */
    public String at(Object moment) {
        return moment == null ? "" : dateTime(moment, FormatStyle.SHORT);
    }

    /** As {@link #at}, to the second (delivery logs, lock expiries). */
    public String atSecond(Object moment) {
        return moment == null ? "" : dateTime(moment, FormatStyle.MEDIUM);
    }

    /** The day of a moment in the reader's zone, or a calendar date as it is: "3 Dec 2026", "3 de dez. de 2026". */
    public String day(Object moment) {
        if (moment == null) {
            return "";
        }
        DateTimeFormatter format = format(null);
        return moment instanceof LocalDate date ? format.format(date) : format.format(zoned(moment));
    }

    /** A day of the week by its {@link java.time.DayOfWeek} name, short, in the reader's language ("Mon", "seg."). */
    public String weekday(String name) {
        return DayOfWeek.valueOf(name).getDisplayName(TextStyle.SHORT, locale());
    }

    /** The reader's zone by its IANA name ("America/Sao_Paulo"). */
    public String zoneId() {
        return zone().getId();
    }

    /** The date and time, then the zone's short name at that moment ("BRT", "CEST", "UTC"). */
    private String dateTime(Object moment, FormatStyle timeStyle) {
        return format(timeStyle).format(zoned(moment));
    }

    private DateTimeFormatter format(FormatStyle timeStyle) {
        return formats.computeIfAbsent(
                new Format(locale(), timeStyle),
                f -> (f.time() == null
                                ? new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, null)
                                : new DateTimeFormatterBuilder()
                                        .appendLocalized(FormatStyle.MEDIUM, f.time())
                                        .appendLiteral(' ')
                                        .appendZoneText(TextStyle.SHORT))
                        .toFormatter(f.locale()));
    }

    private ZonedDateTime zoned(Object moment) {
        ZoneId zone = zone();
        return switch (moment) {
            case Instant instant -> instant.atZone(zone);
            case OffsetDateTime offset -> offset.atZoneSameInstant(zone);
            case ZonedDateTime zonedTime -> zonedTime.withZoneSameInstant(zone);
            case LocalDateTime utc -> utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
            case LocalDate date -> date.atStartOfDay(zone);
            case Date date -> date.toInstant().atZone(zone);
            case TemporalAccessor other -> Instant.from(other).atZone(zone);
            default ->
                throw new IllegalArgumentException(
                        "Not a moment: " + moment.getClass().getName());
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }
}
