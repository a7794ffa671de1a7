package io.leadline.web.importing;

import io.leadline.core.importing.CellText;
import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DateFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the mapping page says beside a date column: how its first value reads in the chosen format ("5 Mar 2024,
 * 01:51"), and whether its values fit day-first and month-first alike, so that the person checks the choice.
 */
record DateHints(Map<Integer, String> samples, Map<Integer, Boolean> ambiguous) {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static DateHints of(ColumnMapping mapping, List<List<String>> rows) {
        Map<Integer, String> samples = new HashMap<>();
        Map<Integer, Boolean> ambiguous = new HashMap<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            ColumnMapping.Column column = mapping.columns().get(i);
            if (!column.field().isDate()) {
                continue;
            }
            int at = i;
            List<String> values = ColumnMapping.values(rows, i);
            ambiguous.put(
                    i, DateFormat.guess(values).map(DateFormat.Guess::ambiguous).orElse(false));
            values.stream()
                    .map(CellText::clean)
                    .filter(v -> !v.isEmpty())
                    .findFirst()
                    .ifPresent(first -> samples.put(
                            at,
                            "\"" + first + "\" reads as "
                                    + column.date(first).map(SHOWN::format).orElse("no date in this format")));
        }
        return new DateHints(samples, ambiguous);
    }
}
