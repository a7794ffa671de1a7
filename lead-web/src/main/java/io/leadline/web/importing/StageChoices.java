package io.leadline.web.importing;

import io.leadline.core.importing.CellText;
import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.StageMapping;
import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LifecycleStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value table of a stage column on the mapping page: each distinct value of the file's first rows, how many rows
 * hold it, and what it becomes (chosen, or what its words mean); and the table read back from the submitted form
 * ({@code stagevalue_k} the value, {@code stage_k} a stage's name or {@code IGNORE}).
 */
record StageChoices(String header, List<Choice> values) {

    /** At most this many distinct values are listed; others are read by their words. */
    static final int MAX_VALUES = 50;

    static final String IGNORE = "IGNORE";

    record Choice(String value, int rows, LifecycleStage stage) {}

    static Optional<StageChoices> of(ColumnMapping mapping, List<List<String>> rows) {
        int column = mapping.indexOf(ImportField.STAGE);
        if (column < 0) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new HashMap<>();
        for (String cell : ColumnMapping.values(rows, column)) {
            String value = CellText.clean(cell);
            if (!value.isEmpty() && (counts.size() < MAX_VALUES || counts.containsKey(FieldKey.of(value)))) {
                firstSpelling.putIfAbsent(FieldKey.of(value), value);
                counts.merge(FieldKey.of(value), 1, Integer::sum);
            }
        }
        List<Choice> values = new ArrayList<>();
        counts.forEach((key, n) -> values.add(new Choice(
                firstSpelling.get(key),
                n,
                mapping.stages().stageOf(firstSpelling.get(key)).orElse(null))));
        return Optional.of(new StageChoices(mapping.columns().get(column).header(), values));
    }

    /** The choices the form made, for the mapping. */
    static StageMapping read(Map<String, String> form) {
        Map<String, LifecycleStage> chosen = new HashMap<>();
        Set<String> ignored = new HashSet<>();
        for (int k = 0; form.containsKey("stagevalue_" + k) && k < MAX_VALUES; k++) {
            String value = form.get("stagevalue_" + k);
            String stage = form.getOrDefault("stage_" + k, IGNORE);
            if (FieldKey.of(value).isEmpty()) {
                continue;
            }
            try {
                if (stage.equals(IGNORE)) {
                    ignored.add(value);
                } else {
                    chosen.put(value, LifecycleStage.valueOf(stage));
                }
            } catch (IllegalArgumentException e) {
                ignored.add(value);
            }
        }
        return new StageMapping(chosen, ignored);
    }
}
