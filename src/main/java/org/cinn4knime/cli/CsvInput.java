package org.cinn4knime.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row and picks numeric columns by name. Rows are counted from 1, the header excluded
 * ("row 1" is the first data row); every error names the file and the row and column at fault.
 */
final class CsvInput implements Closeable {

    /**
     * Comma-separated with a header row. Empty header names are allowed (a spreadsheet's trailing comma gives an
     * empty last name): such a column cannot be selected, and is copied as it is where the command copies rows.
     */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();

    private final Path m_file;
    private final CSVParser m_parser;
    private final Iterator<CSVRecord> m_records;
    private final List<String> m_header;
    private long m_rows;

    private CsvInput(final Path file, final CSVParser parser) throws CliException {
        m_file = file;
        m_parser = parser;
        m_header = Collections.unmodifiableList(new ArrayList<>(parser.getHeaderNames()));
        m_records = parser.iterator();
        if (m_header.isEmpty()) {
            throw new CliException(file + " is empty: expected a header row with column names");
        }
    }

    /** Opens {@code file} and reads its header. {@code option} names the command-line option the file came from. */
    static CsvInput open(final Path file, final String option) throws CliException, IOException {
        requireFile(file, option);
        final BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            skipByteOrderMark(reader);
            return new CsvInput(file, CSVParser.parse(reader, FORMAT));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw new CliException(file + ": cannot read the header row: " + e.getMessage(), e);
        } catch (CliException | IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Fails with "<what> not found" unless {@code file} is an existing regular, readable file. */
    static void requireFile(final Path file, final String option) throws CliException {
        if (!Files.exists(file)) {
            throw new CliException("file not found: " + file + " (" + option + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException("not a file: " + file + " (" + option + ")");
        }
        if (!Files.isReadable(file)) {
            throw new CliException("cannot read " + file + " (" + option + "): permission denied");
        }
    }

    private static void skipByteOrderMark(final BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    Path file() {
        return m_file;
    }

    /** The column names of the header row, in file order. */
    List<String> header() {
        return m_header;
    }

    /**
     * Indexes of the named columns. Fails naming the first unknown (or ambiguous, i.e. duplicated) column, the option
     * it was given with, and the columns the file has.
     */
    int[] indexesOf(final List<String> names, final String option) throws CliException {
        final int[] indexes = new int[names.size()];
        for (int i = 0; i < indexes.length; i++) {
            final String name = names.get(i);
            final int index = m_header.indexOf(name);
            if (index < 0) {
                throw new CliException("column '" + name + "' (" + option + ") not found in " + m_file
                    + (otherDelimiter() == null ? "; its columns are: " + String.join(", ", m_header)
                        : "; its header is the one name '" + m_header.get(0) + "', so the file seems to use "
                            + otherDelimiter() + " as its delimiter: cinn4knime reads comma-separated files "
                            + "(save it as CSV with commas)"));
            }
            if (m_header.lastIndexOf(name) != index) {
                throw new CliException("column '" + name + "' (" + option + ") appears more than once in the header of "
                    + m_file);
            }
            indexes[i] = index;
        }
        return indexes;
    }

    /** "';'" or "a tab" when the header is one name holding that character (the file is not comma-separated). */
    private String otherDelimiter() {
        if (m_header.size() != 1) {
            return null;
        }
        final String h = m_header.get(0);
        return h.indexOf(';') >= 0 ? "';'" : h.indexOf('\t') >= 0 ? "a tab" : null;
    }

    /** The next data row, or {@code null} at the end; fails when its number of cells differs from the header's. */
    CSVRecord next() throws CliException {
        final CSVRecord record;
        try {
            if (!m_records.hasNext()) {
                return null;
            }
            record = m_records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CliException(m_file + ": cannot parse row " + (m_rows + 1) + ": " + rootMessage(e), e);
        }
        m_rows++;
        if (record.size() != m_header.size()) {
            throw new CliException(m_file + ", row " + m_rows + ": has " + record.size() + " cells but the header has "
                + m_header.size() + " columns");
        }
        return record;
    }

    /** Number of data rows returned by {@link #next()} so far (= the current row's number). */
    long rows() {
        return m_rows;
    }

    /** Parses the given columns of the current row as finite numbers, naming the row and column of a bad cell. */
    double[] numbers(final CSVRecord record, final int[] indexes) throws CliException {
        final double[] values = new double[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            final String cell = record.get(indexes[i]);
            final String where = m_file + ", row " + m_rows + ", column '" + m_header.get(indexes[i]) + "'";
            if (cell.isEmpty()) {
                throw new CliException(where + ": empty cell (missing values are not supported)");
            }
            final double value;
            try {
                value = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new CliException(where + ": '" + cell + "' is not a number", e);
            }
            if (!Double.isFinite(value)) {
                throw new CliException(where + ": '" + cell + "' is not a finite number");
            }
            values[i] = value;
        }
        return values;
    }

    /**
     * Reads all remaining rows; {@code result[s][r]} holds the values of column set {@code indexes[s]} in row r.
     * Fails when the file has no data rows at all.
     */
    double[][][] readAll(final int[]... indexes) throws CliException {
        final List<List<double[]>> sets = new ArrayList<>();
        for (int s = 0; s < indexes.length; s++) {
            sets.add(new ArrayList<>());
        }
        for (CSVRecord record = next(); record != null; record = next()) {
            for (int s = 0; s < indexes.length; s++) {
                sets.get(s).add(numbers(record, indexes[s]));
            }
        }
        if (m_rows == 0) {
            throw new CliException(m_file + " has a header but no data rows");
        }
        final double[][][] result = new double[indexes.length][][];
        for (int s = 0; s < indexes.length; s++) {
            result[s] = sets.get(s).toArray(new double[0][]);
        }
        return result;
    }

    /** Row labels "row 1" ... "row n" as used in this class's messages, for the engine's messages. */
    static String[] rowIds(final int rows) {
        final String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = "row " + (i + 1);
        }
        return ids;
    }

    private static String rootMessage(final Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() throws IOException {
        m_parser.close();
    }
}
