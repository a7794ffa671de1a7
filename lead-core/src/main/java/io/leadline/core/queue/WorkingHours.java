package io.leadline.core.queue;

import io.leadline.core.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hours sales works, in its time zone: the response-time SLA counts only these ("4 working hours" asked on Friday
 * at 17:00 runs until Monday 12:00 with 9 to 17 on weekdays). Daylight-saving changes are the zone's: a day's window is
 * its local start to its local end.
 */
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** More than a year of windows is never walked: an SLA is at most a month. */
    private static final int MAX_DAYS_WALKED = 800;

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days == null || days.isEmpty()) {
            throw new Refusal("hours.days", "Choose at least one working day.");
        }
        if (!end.isAfter(start)) {
            throw new Refusal(
                    "hours.order", "The working day ends after it starts (" + start + " to " + end + ").", start, end);
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Monday to Friday, 9:00 to 17:00, in this zone. */
    public static WorkingHours weekdays(ZoneId zone) {
        return new WorkingHours(
                zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int walked = 0; !day.isAfter(last) && walked < MAX_DAYS_WALKED; day = day.plusDays(1), walked++) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = max(from, opens(day));
            Instant close = min(to, closes(day));
            if (close.isAfter(open)) {
                total = total.plus(Duration.between(open, close));
            }
        }
        return total;
    }

    /** The instant {@code working} working time before {@code to}: what was queued before it has waited longer. */
    public Instant minus(Instant to, Duration working) {
        Duration left = working;
        LocalDate day = to.atZone(zone).toLocalDate();
        for (int walked = 0; walked < MAX_DAYS_WALKED; day = day.minusDays(1), walked++) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant close = min(to, closes(day));
            Instant open = opens(day);
            if (!close.isAfter(open)) {
                continue;
            }
            Duration window = Duration.between(open, close);
            if (window.compareTo(left) >= 0) {
                return close.minus(left);
            }
            left = left.minus(window);
        }
        return to.minus(working); // unreachable for sane settings: a working day every week
    }

    /** "Mon–Fri 09:00–17:00 America/Sao_Paulo" */
    public String describe() {
        String dayList = days.stream()
                .sorted()
                .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase())
                .collect(Collectors.joining(", "));
        return dayList + " " + start + "–" + end + " " + zone.getId();
    }

    private Instant opens(LocalDate day) {
        return ZonedDateTime.of(day, start, zone).toInstant();
    }

    private Instant closes(LocalDate day) {
        return ZonedDateTime.of(day, end, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
