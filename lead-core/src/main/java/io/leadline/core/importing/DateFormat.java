package io.leadline.core.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a date column of an export writes its dates, chosen per column (guessed from its values, {@link #guess}).
 * Dates and date-times alike; a time without offset is UTC. A value that does not fit the column's format is
 * rejected with its reason, never read another way: {@code 03/05/2024} in a day-first column is 3 May, in a
 * month-first one 5 March, and never one for the other.
 */
public enum DateFormat {
    /** {@code 2024-03-05}, {@code 2024-03-05 14:30}, {@code 2024-03-05T14:30:00Z}, {@code 2024/03/05}. */
    ISO("Year first (2024-03-05)"),
    /** {@code 05/03/2024}, {@code 5-3-2024}, {@code 05.03.24 14:30}: Europe, Latin America. */
    DAY_FIRST("Day first (05/03/2024)"),
    /** {@code 03/05/2024}, {@code 3/5/24 1:51 PM}: the United States, HubSpot and Salesforce exports. */
    MONTH_FIRST("Month first (03/05/2024)"),
    /** Days since 1899-12-30, with a fraction for the time: what Excel writes when a date cell is exported as a number. */
    EXCEL_SERIAL("Excel serial number (45356)"),
    /** Seconds since 1970-01-01 UTC. */
    UNIX_SECONDS("Unix time in seconds"),
    /** Milliseconds since 1970-01-01 UTC. */
    UNIX_MILLIS("Unix time in milliseconds");

    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2}|\\d{4})(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(?:\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final String label;

    DateFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The instant the text names in this format, if it fits. */
    public Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            return switch (this) {
                case ISO -> iso(s);
                case DAY_FIRST -> numeric(s, false);
                case MONTH_FIRST -> numeric(s, true);
                case EXCEL_SERIAL -> excel(s);
                case UNIX_SECONDS ->
                    DIGITS.matcher(s).matches()
                            ? plausible(Instant.ofEpochSecond(Long.parseLong(s)))
                            : Optional.empty();
                case UNIX_MILLIS ->
                    DIGITS.matcher(s).matches() ? plausible(Instant.ofEpochMilli(Long.parseLong(s))) : Optional.empty();
            };
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why a value is refused, for the rejected row. */
    public String refusal(String text) {
        return "\"" + text + "\" is not a date in the column's format, " + label.toLowerCase();
    }

    /** What the values of a column say about its format. */
    public record Guess(DateFormat format, boolean ambiguous, Set<DateFormat> fitting) {}

    /**
     * The format that reads the most non-blank values (a stray bad value is the row's problem, not the column's):
     * year-first, an Excel serial or a Unix time when one of them does; otherwise day-first or month-first, whichever
     * reads more (a {@code 13/02/2024} settles it). Both reading as many is {@linkplain Guess#ambiguous ambiguous}:
     * the person is asked, day-first offered. Empty when no format reads any value.
     */
    public static Optional<Guess> guess(List<String> values) {
        List<String> filled = new ArrayList<>();
        for (String v : values) {
            String clean = CellText.clean(v);
            if (!clean.isEmpty()) {
                filled.add(clean);
            }
        }
        Map<DateFormat, Long> reads = new EnumMap<>(DateFormat.class);
        for (DateFormat format : values()) {
            reads.put(
                    format,
                    filled.stream().filter(v -> format.parse(v).isPresent()).count());
        }
        long best = reads.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (best == 0) {
            return Optional.empty();
        }
        Set<DateFormat> fitting = EnumSet.noneOf(DateFormat.class);
        reads.forEach((format, n) -> {
            if (n == best) {
                fitting.add(format);
            }
        });
        for (DateFormat sure : List.of(ISO, EXCEL_SERIAL, UNIX_MILLIS, UNIX_SECONDS, DAY_FIRST, MONTH_FIRST)) {
            if (fitting.contains(sure)) {
                return Optional.of(
                        new Guess(sure, fitting.contains(DAY_FIRST) && fitting.contains(MONTH_FIRST), fitting));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> iso(String s) {
        Matcher m = YEAR_FIRST.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date =
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = m.group(4) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(
                        Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        ZoneOffset offset = m.group(7) == null || m.group(7).equals("Z")
                ? ZoneOffset.UTC
                : ZoneOffset.of(
                        m.group(7).length() == 5
                                ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3)
                                : m.group(7));
        return Optional.of(LocalDateTime.of(date, time).toInstant(offset));
    }

    private static Optional<Instant> numeric(String s, boolean monthFirst) {
        Matcher m = NUMERIC.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 70 ? 2000 : 1900; // as spreadsheets read two-digit years
        }
        LocalDate date = monthFirst ? LocalDate.of(year, first, second) : LocalDate.of(year, second, first);
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            if (m.group(7) != null) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                hour = hour % 12 + (m.group(7).equalsIgnoreCase("pm") ? 12 : 0);
            }
            time = LocalTime.of(
                    hour, Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        }
        return Optional.of(LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC));
    }

    private static Optional<Instant> excel(String s) {
        if (!SERIAL.matcher(s).matches()) {
            return Optional.empty();
        }
        double serial = Double.parseDouble(s);
        // 1 is 1900-01-01 and 2958465 is 9999-12-31; a lead file's dates lie between 1990 (32874) and 2100 (73051).
        if (serial < 32_874 || serial > 73_051) {
            return Optional.empty();
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        return Optional.of(EXCEL_EPOCH
                .plusDays(days)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(seconds));
    }

    /** Unix times of lead files lie between 1990 and 2100; anything else was some other number. */
    private static Optional<Instant> plausible(Instant at) {
        return at.isAfter(Instant.parse("1990-01-01T00:00:00Z")) && at.isBefore(Instant.parse("2100-01-01T00:00:00Z"))
                ? Optional.of(at)
                : Optional.empty();
    }
}
