package io.leadline.persistence.importing;

import io.leadline.core.importing.CellText;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file, read as a stream: the encoding (UTF-8, else Windows-1252; UTF-16 by its byte-order mark), a
 * byte-order mark, and the delimiter ({@code ,} {@code ;} tab or {@code |}) are detected from its start unless the user
 * chose them ({@link Reading}); parsing is Commons CSV's.
 */
public final class CsvFile {

    private static final int SNIFF_BYTES = 1 << 20;

    /** The encodings a user can choose on the mapping page, by the names the page shows. */
    public static final List<String> ENCODINGS =
            List.of("UTF-8", "windows-1252", "ISO-8859-15", "UTF-16LE", "UTF-16BE");
    /** The separators a user can choose. */
    public static final String DELIMITERS = ",;\t|";

    private final Path path;
    private final Charset charset;
    private final int bom;
    private final char delimiter;

    private CsvFile(Path path, Charset charset, int bom, char delimiter) {
        this.path = path;
        this.charset = charset;
        this.bom = bom;
        this.delimiter = delimiter;
    }

    /** How to read a file: the encoding and separator the user chose, null for "as detected". */
    public record Reading(String encoding, Character delimiter) {
        public static final Reading DETECTED = new Reading(null, null);

        public Reading {
            if (encoding != null && !ENCODINGS.contains(encoding)) {
                throw new IllegalArgumentException("Leadline reads files as " + String.join(", ", ENCODINGS));
            }
            if (delimiter != null && DELIMITERS.indexOf(delimiter) < 0) {
                throw new IllegalArgumentException("Columns are separated by commas, semicolons, tabs or |");
            }
        }
    }

    /** The file of an import, read as its user chose. */
    public static CsvFile of(ImportJob job) {
        return open(Path.of(job.storedFile()), job.reading());
    }

    /** Opens the file for reading, or says in a sentence why it cannot be read as CSV. */
    public static CsvFile open(Path path) {
        return open(path, Reading.DETECTED);
    }

    /** Opens the file for reading, detecting what {@code reading} leaves open. */
    public static CsvFile open(Path path, Reading reading) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new UnreadableFileException("The file is empty.");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new UnreadableFileException("This is a spreadsheet workbook (.xlsx) or another zip archive, not CSV: "
                    + "save it as CSV (in Excel: File → Save As → CSV UTF-8) and upload that.");
        }
        CsvDialect dialect = CsvDialect.of(head, head.length == SNIFF_BYTES, reading);
        return new CsvFile(path, dialect.charset(), dialect.bom(), dialect.delimiter());
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    /** How many lines the file has (a last line without a line break counts). */
    public long lineCount() {
        long lines = 0;
        int last = '\n';
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return last == '\n' ? lines : lines + 1;
    }

    /**
     * Why the rows from {@code line} on cannot be read, and how many lines that leaves out, for the rejection that
     * stands for them (the rows before it import).
     */
    public String unreadableFrom(long line) {
        long left = Math.max(1, lineCount() - line + 1);
        return "a quote opened on line " + line + " is never closed, so the file cannot be read from there on: "
                + (left == 1
                        ? "that line is"
                        : "lines " + line + " to " + (line + left - 1) + " (" + left + " lines) are")
                + " not imported; close the quote and import the file again (the rows before line " + line + " are in)";
    }

    /** The header and up to {@code rows} data rows. */
    public List<List<String>> preview(int rows) {
        List<List<String>> out = new ArrayList<>();
        try (Rows all = rows()) {
            while (all.hasNext() && out.size() <= rows) {
                out.add(all.next().cells());
            }
        } catch (MalformedCsvException e) {
            // The preview shows the rows before the one that cannot be read; the import reports that row.
        }
        return out;
    }

    /**
     * Every record, the header first, numbered by the file line it starts on (the header is line 1; a quoted cell with
     * line breaks makes its record span several lines). Close it when done.
     */
    public Rows rows() {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.skipNBytes(bom);
            CountingStream counted = new CountingStream(in);
            Reader reader = new InputStreamReader(
                    counted,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE));
            CSVParser parser = format().parse(reader);
            return new Rows(parser, counted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's format, to write a record back as the user sent it (the rejected-rows file). */
    public CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
    }

    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parsed record: the file line it starts on (the header is line 1) and its cells. */
    public record Row(long number, List<String> cells) {}

    /**
     * A stream of rows that knows how many bytes it has read, for the progress bar. After the header, a record whose
     * cells are all blank (a line of separators only, as spreadsheets leave below the data) is no row, like an empty
     * line: it is skipped, its lines still counted.
     */
    public static final class Rows implements Iterator<Row>, AutoCloseable {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final CountingStream counted;
        private long number;
        private Row pending;

        private Rows(CSVParser parser, CountingStream counted) {
            this.parser = parser;
            this.records = parser.iterator();
            this.counted = counted;
        }

        /** @throws MalformedCsvException when the rest of the file cannot be parsed (e.g. an unbalanced quote) */
        @Override
        public boolean hasNext() {
            try {
                while (pending == null && records.hasNext()) {
                    CSVRecord record = records.next();
                    List<String> cells = record.toList();
                    long line = number + 1;
                    number += 1 + lineBreaks(cells);
                    if (line == 1 || !blank(cells)) {
                        pending = new Row(line, cells);
                    }
                }
                return pending != null;
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new MalformedCsvException(number + 1, e);
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = pending;
            pending = null;
            return row;
        }

        private static boolean blank(List<String> cells) {
            for (String cell : cells) {
                if (!CellText.visible(cell).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /** Line breaks inside the record's quoted cells ({@code \r\n} counts once). */
        private static long lineBreaks(List<String> cells) {
            long breaks = 0;
            for (String cell : cells) {
                if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
                    continue; // nearly every cell: found by the JDK's vectorised search
                }
                for (int i = 0; i < cell.length(); i++) {
                    char c = cell.charAt(i);
                    if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                        breaks++;
                    }
                }
            }
            return breaks;
        }

        public long bytesRead() {
            return counted.count;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The file cannot be parsed from {@code row} on. */
    public static final class MalformedCsvException extends RuntimeException {
        private final long row;

        MalformedCsvException(long row, Throwable cause) {
            super("from row " + row + " on the file cannot be read as CSV (" + cause.getMessage() + ")", cause);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }

    /** The whole file is unusable, said in a sentence for the user. */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
