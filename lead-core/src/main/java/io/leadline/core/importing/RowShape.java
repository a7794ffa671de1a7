package io.leadline.core.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A row whose cell count is not the header's. Fewer cells (an exporter that drops trailing empty cells) are read with
 * the missing ones empty, with a warning; more cells are fine when the extra ones are empty (trailing separators), but
 * extra values mean a cell held the separator without quotes: its values would land in the wrong columns, so the row
 * is rejected rather than shifted.
 */
record RowShape(List<String> cells, String warning, String refusal) {

    static RowShape of(List<String> cells, int columns) {
        if (cells.size() == columns) {
            return new RowShape(cells, null, null);
        }
        if (cells.size() > columns) {
            for (String extra : cells.subList(columns, cells.size())) {
                if (!CellText.clean(extra).isEmpty()) {
                    return new RowShape(cells, null, "the row has " + cells.size() + " cells but the header has " + columns
                            + ": a value holds the separator without quotes, so its cells would land in the wrong columns");
                }
            }
            return new RowShape(cells.subList(0, columns), null, null);
        }
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < columns) {
            padded.add("");
        }
        int missing = columns - cells.size();
        return new RowShape(padded, "the row has " + cells.size() + " cells but the header has " + columns + ": the last "
                + (missing == 1 ? "column is" : missing + " columns are") + " read as empty", null);
    }
}
