package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFormatTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ISO|2024-03-05|2024-03-05T00:00:00Z",
                "ISO|2024-03-05 14:30|2024-03-05T14:30:00Z",
                "ISO|2024-03-05T14:30:07Z|2024-03-05T14:30:07Z",
                "ISO|2024-03-05T14:30:07.123+02:00|2024-03-05T12:30:07Z",
                "ISO|2024/3/5|2024-03-05T00:00:00Z",
                "DAY_FIRST|05/03/2024|2024-03-05T00:00:00Z",
                "DAY_FIRST|5-3-2024|2024-03-05T00:00:00Z",
                "DAY_FIRST|05.03.24 14:30|2024-03-05T14:30:00Z",
                "MONTH_FIRST|03/05/2024|2024-03-05T00:00:00Z",
                "MONTH_FIRST|2/5/24 1:51|2024-02-05T01:51:00Z",
                "MONTH_FIRST|2/5/2024 1:51 PM|2024-02-05T13:51:00Z",
                "MONTH_FIRST|12/31/2023 12:05 am|2023-12-31T00:05:00Z",
                "EXCEL_SERIAL|45356|2024-03-05T00:00:00Z",
                "EXCEL_SERIAL|45356.5|2024-03-05T12:00:00Z",
                "UNIX_SECONDS|1709596800|2024-03-05T00:00:00Z",
                "UNIX_MILLIS|1709596800000|2024-03-05T00:00:00Z"
            })
    void reads_each_format(DateFormat format, String text, String instant) {
        assertThat(format.parse(text)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DAY_FIRST|03/13/2024",
                "MONTH_FIRST|13/03/2024",
                "ISO|05/03/2024",
                "DAY_FIRST|31/02/2024",
                "MONTH_FIRST|2/5/24 13:51 PM",
                "EXCEL_SERIAL|12",
                "UNIX_SECONDS|12345",
                "ISO|next tuesday"
            })
    void a_value_that_does_not_fit_is_no_date_never_another_one(DateFormat format, String text) {
        assertThat(format.parse(text)).isEmpty();
        assertThat(format.refusal(text)).contains(text).contains(format.label().toLowerCase());
    }

    @Test
    void a_column_whose_values_only_fit_day_first_is_day_first() {
        var guess = DateFormat.guess(List.of("03/05/2024", "", "13/05/2024", "null", "01/06/2024"))
                .orElseThrow();
        assertThat(guess.format()).isEqualTo(DateFormat.DAY_FIRST);
        assertThat(guess.ambiguous()).isFalse();
    }

    @Test
    void a_column_whose_values_only_fit_month_first_is_month_first() {
        var guess = DateFormat.guess(List.of("2/5/24 1:51", "12/28/23 9:02", "1/3/24 17:40"))
                .orElseThrow();
        assertThat(guess.format()).isEqualTo(DateFormat.MONTH_FIRST);
        assertThat(guess.ambiguous()).isFalse();
    }

    @Test
    void one_stray_value_does_not_decide_the_column() {
        var guess = DateFormat.guess(List.of("03/15/2024", "03/16/2024", "12/31/2023", "13/01/2024"))
                .orElseThrow();
        assertThat(guess.format()).isEqualTo(DateFormat.MONTH_FIRST);
        assertThat(guess.ambiguous()).isFalse();
    }

    @Test
    void a_column_both_read_is_ambiguous_and_asks() {
        var guess = DateFormat.guess(List.of("03/05/2024", "04/06/2024")).orElseThrow();
        assertThat(guess.ambiguous()).isTrue();
        assertThat(guess.fitting()).contains(DateFormat.DAY_FIRST, DateFormat.MONTH_FIRST);
    }

    @Test
    void iso_numbers_and_nothing() {
        assertThat(DateFormat.guess(List.of("2024-03-05", "2024-03-06 10:00")))
                .map(DateFormat.Guess::format)
                .contains(DateFormat.ISO);
        assertThat(DateFormat.guess(List.of("45356", "45357.25")))
                .map(DateFormat.Guess::format)
                .contains(DateFormat.EXCEL_SERIAL);
        assertThat(DateFormat.guess(List.of("1709596800000")))
                .map(DateFormat.Guess::format)
                .contains(DateFormat.UNIX_MILLIS);
        assertThat(DateFormat.guess(List.of("soon", "2024-03-05")))
                .map(DateFormat.Guess::format)
                .contains(DateFormat.ISO);
        assertThat(DateFormat.guess(List.of("soon", "later"))).isEmpty();
        assertThat(DateFormat.guess(List.of("", "n/a"))).isEmpty();
    }

    @Test
    void every_day_of_a_decade_round_trips_in_the_two_numeric_orders() {
        for (LocalDate d = LocalDate.of(2018, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
            Instant at = d.atStartOfDay().toInstant(ZoneOffset.UTC);
            assertThat(DateFormat.DAY_FIRST.parse(
                            "%d/%d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear())))
                    .contains(at);
            assertThat(DateFormat.MONTH_FIRST.parse(
                            "%02d/%02d/%02d".formatted(d.getMonthValue(), d.getDayOfMonth(), d.getYear() % 100)))
                    .contains(at);
        }
    }

    @Test
    void the_guessed_mapping_gives_date_columns_their_format() {
        ColumnMapping mapping = ColumnMapping.guess(
                List.of("Record ID", "Email", "Create Date"),
                List.of(List.of("1", "a@acme.com", "2/5/24 1:51"), List.of("2", "b@acme.com", "12/28/23 9:02")));

        assertThat(mapping.column(ImportField.CREATED_AT).orElseThrow().dateFormat())
                .isEqualTo(DateFormat.MONTH_FIRST);
        var row = (LeadRow.Accepted) LeadRow.read(List.of("1", "a@acme.com", "2/5/24 1:51"), mapping, Instant.EPOCH);
        assertThat(row.createdAt()).isEqualTo(Instant.parse("2024-02-05T01:51:00Z"));
        assertThat(LeadRow.read(List.of("3", "c@acme.com", "28/12/23 9:02"), mapping, Instant.EPOCH))
                .isEqualTo(new LeadRow.Rejected(
                        "\"28/12/23 9:02\" is not a date in the column's format, month first (03/05/2024)"));
    }
}
