package fr.infocentre.etl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a CSV file: its SHA-256 and its exact number of records.
 *
 * <p>Records are counted with a two-state machine over the bytes: a {@code "} toggles "inside
 * quotes" (an escaped quote {@code ""} toggles twice, so it is neutral), and a line break ends a
 * record only outside quotes. Blank lines are not records (Spark skips them too). This is exact
 * for the extract's CSV dialect ({@code "} quote and escape), unlike counting physical lines,
 * and tells whether any quoted field holds a line break — only then must Spark read the file
 * with {@code multiLine=true} (not splittable); otherwise it reads it line by line, in parallel.
 *
 * @param sha256            lowercase hexadecimal digest of the whole file
 * @param records           records including the header
 * @param quotedLineBreak   whether a quoted field contains a line break
 * @param unterminatedQuote whether the file ends inside a quoted field
 */
public record FileScan(String sha256, long records, boolean quotedLineBreak, boolean unterminatedQuote) {

    /** Scans a file. */
    public static FileScan of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        boolean inQuotes = false;
        boolean content = false;
        boolean quotedBreak = false;
        long records = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        inQuotes = !inQuotes;
                        content = true;
                    } else if (b == '\n' || b == '\r') {
                        if (inQuotes) {
                            quotedBreak = true;
                        } else if (content) {
                            records++;
                            content = false;
                        }
                    } else {
                        content = true;
                    }
                }
            }
        }
        if (content) {
            records++;
        }
        return new FileScan(HexFormat.of().formatHex(digest.digest()), records, quotedBreak, inQuotes);
    }

    /** Data records: the header excluded. */
    public long dataRows() {
        return Math.max(0, records - 1);
    }
}
