package io.leadline.web.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.SpreadsheetSafety;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rejected-rows file: the file's own columns with each rejected row's cells as they were, then {@code line} (where
 * the row starts in the uploaded file) and {@code reason}; fix the cells and import it again. Cells that look like
 * formulas are escaped against spreadsheet injection.
 */
final class RejectedRows {

    private final List<String> headers;

    RejectedRows(ColumnMapping mapping) {
        this.headers =
                mapping.columns().stream().map(ColumnMapping.Column::header).toList();
    }

    List<String> header() {
        List<String> header = new ArrayList<>(headers);
        header.add("line");
        header.add("reason");
        return header;
    }

    /** The row's cells in the file's columns (a short row padded, a long one kept whole), then its line and reason. */
    List<String> row(long line, String raw, String reason) {
        List<String> cells = new ArrayList<>();
        for (String cell : cells(raw)) {
            cells.add(SpreadsheetSafety.cell(cell));
        }
        while (cells.size() < headers.size()) {
            cells.add("");
        }
        cells.add(Long.toString(line));
        cells.add(SpreadsheetSafety.cell(reason));
        return cells;
    }

    private static List<String> cells(String raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(raw))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            return List.of(raw); // a row that was kept unparsed: the whole of it in the first column
        }
    }
}
