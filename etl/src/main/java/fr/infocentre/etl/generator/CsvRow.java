package fr.infocentre.etl.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVPrinter;

/**
 * Formats CSV records with the extract's conventions ({@link CsvSink#FORMAT}) into strings, one
 * at a time, so that a row shown by several extracts is formatted once.
 */
final class CsvRow {

    private final StringBuilder text = new StringBuilder(512);
    private final CSVPrinter printer;

    CsvRow() {
        try {
            printer = new CSVPrinter(text, CsvSink.FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never fails
        }
    }

    /** Adds one field to the current record: null is written empty, booleans as 0/1. */
    CsvRow field(Object value) {
        try {
            printer.print(value instanceof Boolean b ? (b ? "1" : "0") : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds a date field, empty for a negative epoch day. */
    CsvRow date(int epochDay) {
        return field(epochDay < 0 ? null : Dates.text(epochDay));
    }

    /** The current record with its record separator; the next field starts a new record. */
    String end() {
        try {
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String record = text.toString();
        text.setLength(0);
        return record;
    }
}
