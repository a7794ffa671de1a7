package io.leadline.core.prediction;

import java.util.Map;

/**
 * One lead as the predictive model sees it: categorical fields (normalised: see {@link FieldValues}), numeric fields,
 * and whether it was won. Absent keys are missing values.
 */
public record Example(Map<String, String> categorical, Map<String, Double> numeric, boolean won) {

    public Example {
        categorical = Map.copyOf(categorical);
        numeric = Map.copyOf(numeric);
    }
}
