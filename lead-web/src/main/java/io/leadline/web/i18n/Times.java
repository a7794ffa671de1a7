package io.leadline.web.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the reader reads them: in their language's format and their time zone ({@link UserLocales}),
 * the zone named after each time. Templates call it as {@code ${@times.at(lead.createdAt)}}.
 */
@Component("times")
public class Times {

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
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale());
        return moment instanceof LocalDate date ? format.format(date) : format.format(zoned(moment));
    }


    /** A day of the week by its {@link java.time.DayOfWeek} name, short, in the reader's language ("Mon", "seg."). */
    public String weekday(String name) {
        return java.time.DayOfWeek.valueOf(name).getDisplayName(java.time.format.TextStyle.SHORT, locale());
    }

    /** The reader's zone by its IANA name ("America/Sao_Paulo"). */
    public String zoneId() {
        return zone().getId();
    }

    /** The date and time, then the zone's short name at that moment ("BRT", "CEST", "UTC"). */
    private String dateTime(Object moment, FormatStyle timeStyle) {
        ZonedDateTime zoned = zoned(moment);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle).withLocale(locale()).format(zoned)
                + " " + DateTimeFormatter.ofPattern("z", locale()).format(zoned);
    }

    private ZonedDateTime zoned(Object moment) {
        return switch (moment) {
            case Instant instant -> instant.atZone(zone());
            case OffsetDateTime offset -> offset.atZoneSameInstant(zone());
            case ZonedDateTime zonedTime -> zonedTime.withZoneSameInstant(zone());
            case LocalDateTime utc -> utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone());
            case LocalDate date -> date.atStartOfDay(zone());
            case java.util.Date date -> date.toInstant().atZone(zone());
            case TemporalAccessor other -> Instant.from(other).atZone(zone());
            default -> throw new IllegalArgumentException("Not a moment: " + moment.getClass().getName());
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }
}
