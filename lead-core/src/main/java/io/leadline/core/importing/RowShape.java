package io.leadline.core.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A row whose cell count is not the header's. Fewer cells (an exporter that drops trailing empty cells) are read with
 * the missing ones empty, with a warning. More cells mean a value held the separator without quotes ({@code Acme, Inc}):
 * its cells would land in the wrong columns — even when the extra one is empty, since the last column may have been —
 * so the row is rejected rather than shifted.
 */
record RowShape(List<String> cells, String warning, String refusal) {

    static RowShape of(List<String> cells, int columns) {
        if (cells.size() == columns) {
            return new RowShape(cells, null, null);
        }
        if (cells.size() > columns) {
            return new RowShape(
                    cells,
                    null,
                    "the row has " + cells.size() + " cells but the header has " + columns
                            + ": a value holds the separator without quotes, so its cells would land in the wrong columns");
        }
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < columns) {
            padded.add("");
        }
        int missing = columns - cells.size();
        return new RowShape(
                padded,
                "the row has " + cells.size() + " cells but the header has " + columns + ": the last "
                        + (missing == 1 ? "column is" : missing + " columns are") + " read as empty",
                null);
    }
}
