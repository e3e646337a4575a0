package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One CSV file of the extract being written: `;`-separated, `\n` records, quoting only when
 * needed, UTF-8 without BOM. Takes records formatted by {@link CsvRow}, counts data rows and
 * computes the SHA-256 of the bytes as they are written.
 */
final class CsvSink implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private final MessageDigest digest;
    private final Writer out;
    private long rows;
    private String sha256;

    CsvSink(Path file, String... header) throws IOException {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        OutputStream bytes = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), digest), 1 << 16);
        out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
        CsvRow row = new CsvRow();
        for (String column : header) {
            row.field(column);
        }
        out.write(row.end());
    }

    /** Writes one data row, as {@link CsvRow#end()} gives it. */
    void row(String record) throws IOException {
        out.write(record);
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
            out.close();
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
    }
}
