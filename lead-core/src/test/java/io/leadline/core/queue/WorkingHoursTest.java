package io.leadline.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private final WorkingHours office = WorkingHours.weekdays(SAO_PAULO);

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SAO_PAULO).toInstant();
    }

    @Test
    void friday_evening_to_monday_noon_is_three_working_hours() {
        // 2030-05-03 is a Friday.
        assertThat(office.between(local("2030-05-03T16:00"), local("2030-05-06T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(office.between(local("2030-05-03T18:00"), local("2030-05-06T08:00")))
                .isZero();
        assertThat(office.minus(local("2030-05-06T12:00"), Duration.ofHours(4))).isEqualTo(local("2030-05-03T16:00"));
    }

    @Test
    void walking_back_and_counting_forward_agree() {
        Instant base = local("2030-01-01T00:00");
        qt().forAll(longs().between(0, 400L * 24 * 60), integers().between(1, 720 * 60))
                .check((minuteOffset, workingMinutes) -> {
                    Instant to = base.plus(Duration.ofMinutes(minuteOffset));
                    Duration working = Duration.ofMinutes(workingMinutes);
                    Instant from = office.minus(to, working);
                    return office.between(from, to).equals(working) && !from.isAfter(to);
                });
    }

    @Test
    void working_time_never_exceeds_wall_time_and_adds_up() {
        Instant base = local("2030-01-01T00:00");
        qt().forAll(
                        longs().between(0, 300L * 24 * 60),
                        longs().between(0, 30L * 24 * 60),
                        longs().between(0, 30L * 24 * 60))
                .check((start, first, second) -> {
                    Instant a = base.plus(Duration.ofMinutes(start));
                    Instant b = a.plus(Duration.ofMinutes(first));
                    Instant c = b.plus(Duration.ofMinutes(second));
                    return office.between(a, c).equals(office.between(a, b).plus(office.between(b, c)))
                            && office.between(a, c).compareTo(Duration.between(a, c)) <= 0;
                });
    }

    @Test
    void a_weekend_shift_and_the_settings_that_make_no_sense() {
        var weekend = new WorkingHours(SAO_PAULO, Set.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(14, 0));
        assertThat(weekend.between(local("2030-05-03T00:00"), local("2030-05-06T00:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(weekend.describe()).isEqualTo("Sat 10:00–14:00 America/Sao_Paulo");
        assertThatThrownBy(() -> new WorkingHours(
                        SAO_PAULO, EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT))
                .hasMessageContaining("working day");
        assertThatThrownBy(() ->
                        new WorkingHours(SAO_PAULO, Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("ends after it starts");
    }

    @Test
    void the_sla_counts_in_working_hours_when_set() {
        ResponseSla sla = ResponseSla.hours(4).within(office);
        assertThat(sla.queuedBefore(local("2030-05-06T12:00"))).isEqualTo(local("2030-05-03T16:00"));
        assertThat(ResponseSla.hours(4).queuedBefore(local("2030-05-06T12:00"))).isEqualTo(local("2030-05-06T08:00"));
        var watch = new SlaWatch(sla);
        var notice = watch.noticeFor(
                new SlaWatch.WaitingMql(1, "Ana", local("2030-05-03T16:00")), local("2030-05-06T11:00"));
        assertThat(notice)
                .hasValueSatisfying(
                        n -> assertThat(n.text()).contains("4 working hours").contains("60 working minutes"));
    }
}
