package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One CSV file of the extract being written: `;`-separated, `\n` records, quoting only when
 * needed, UTF-8 without BOM. Counts data rows and computes the SHA-256 of the bytes as they
 * are written.
 */
final class CsvSink implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private final MessageDigest digest;
    private final CSVPrinter printer;
    private long rows;
    private String sha256;

    CsvSink(Path file, String... header) throws IOException {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), digest), 1 << 16);
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), FORMAT);
        printer.printRecord((Object[]) header);
    }

    /** Prints one field of the current row: null is written empty, booleans as 0/1. */
    CsvSink field(Object value) throws IOException {
        if (value instanceof Boolean b) {
            printer.print(b ? "1" : "0");
        } else {
            printer.print(value);
        }
        return this;
    }

    CsvSink date(int epochDay) throws IOException {
        printer.print(epochDay < 0 ? null : Dates.text(epochDay));
        return this;
    }

    void endRow() throws IOException {
        printer.println();
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Hex SHA-256 of the file; available once closed. */
    String sha256() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        if (sha256 == null) {
            printer.close(true);
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
    }
}
