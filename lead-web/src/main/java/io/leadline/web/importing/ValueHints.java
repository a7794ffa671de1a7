package io.leadline.web.importing;

import io.leadline.core.importing.CellReading;
import io.leadline.core.importing.CellText;
import io.leadline.core.importing.ColumnMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Beside a column that feeds a standard field: how its first value reads ("1,200" reads as 1200 employees), by column. */
record ValueHints(Map<Integer, String> samples) {

    static ValueHints of(ColumnMapping mapping, List<List<String>> rows) {
        Map<Integer, String> samples = new HashMap<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            ColumnMapping.Column column = mapping.columns().get(i);
            int at = i;
            ColumnMapping.values(rows, i).stream()
                    .filter(v -> !CellText.clean(v).isEmpty())
                    .findFirst()
                    .flatMap(first -> CellReading.of(column.field(), first))
                    .ifPresent(hint -> samples.put(at, hint));
        }
        return new ValueHints(samples);
    }
}
