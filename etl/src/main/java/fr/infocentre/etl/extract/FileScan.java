package fr.infocentre.etl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One streaming pass over a CSV file: its SHA-256, its exact number of records, and the records
 * Spark's CSV reader cannot be given as they are.
 *
 * <p>Records are counted with a two-state machine over the bytes: a {@code "} toggles "inside
 * quotes" (an escaped quote {@code ""} toggles twice, so it is neutral), and a line break ends a
 * record only outside quotes. Blank lines are not records (Spark skips them too). This is exact
 * for the extract's CSV dialect ({@code "} quote and escape), unlike counting physical lines,
 * and tells whether any quoted field holds a line break — only then must Spark read the file
 * with {@code multiLine=true} (not splittable); otherwise it reads it line by line, in parallel.
 *
 * <p>The same pass checks every byte is UTF-8 ({@link Utf8Check}: Spark would silently read
 * invalid bytes as U+FFFD) and measures each record: one longer than {@link #MAX_RECORD_BYTES}
 * or of more than {@link #MAX_FIELDS} fields is <em>oversized</em> — Spark's CSV reader would hold
 * it whole in memory, or fail on it (univocity's {@code maxColumns}) and with it the whole load.
 * Both are noted with where they are (record, line, field, byte offset), the first
 * {@link #MAX_FAULTS} of them at most; {@link #faultyRecords} counts every record holding either.
 *
 * @param sha256            lowercase hexadecimal digest of the whole file
 * @param records           records including the header
 * @param quotedLineBreak   whether a quoted field contains a line break
 * @param unterminatedQuote whether the file ends inside a quoted field
 * @param invalidUtf8       records holding bytes that are not UTF-8, in file order
 * @param oversized         oversized records, in file order
 * @param faultyRecords     records holding invalid UTF-8 or oversized, all of them
 */
public record FileScan(String sha256, long records, boolean quotedLineBreak, boolean unterminatedQuote,
                       List<InvalidUtf8> invalidUtf8, List<OversizedRecord> oversized, long faultyRecords) {

    /** Bytes a record may hold, its line break excluded: records of the extract hold a few hundred. */
    public static final int MAX_RECORD_BYTES = 65_536;
    /** Fields a record may hold (the widest file has 31 columns; extra columns are allowed). */
    public static final int MAX_FIELDS = 1_000;
    /** Faulty records noted at most: a file with more is not read at all. */
    public static final int MAX_FAULTS = 1_000;
    /** Characters of an oversized record (and of its longest field) kept for the quarantine, which shows at most as many. */
    public static final int HEAD_CHARS = 1_000;

    /**
     * A record holding bytes that are not UTF-8.
     *
     * @param ligne  record number, 0 for the header, 1 for the first data row (as {@code ligne})
     * @param line   the file's line where the record starts (1 = first)
     * @param field  index of the field holding the first invalid byte (0 = first)
     * @param offset byte offset in the file of the first invalid sequence (0 = first byte)
     */
    public record InvalidUtf8(long ligne, long line, int field, long offset) {
    }

    /**
     * A record too long, or of too many fields, for Spark's CSV reader.
     *
     * @param ligne        record number, 0 for the header, 1 for the first data row
     * @param line         the file's line where the record starts
     * @param start        byte offset of its first byte
     * @param end          byte offset after its last byte (its line break excluded)
     * @param fields       its number of fields
     * @param longest      index of its longest field
     * @param longestBytes length of that field in bytes
     * @param head         its first characters as written ({@link #HEAD_CHARS} + 1 at most: a longer text is cut)
     * @param longestHead  the first characters of its longest field as written, likewise
     */
    public record OversizedRecord(long ligne, long line, long start, long end, long fields, int longest,
                                  long longestBytes, String head, String longestHead) {

        public long bytes() {
            return end - start;
        }
    }

    /** Scans a file. */
    public static FileScan of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        long position = 0;
        try (InputStream in = Files.newInputStream(file); FileChannel heads = FileChannel.open(file)) {
            Pass pass = new Pass(heads);
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    pass.accept(buffer[i], position + i);
                }
                position += n;
            }
            pass.end(position);
            return new FileScan(HexFormat.of().formatHex(digest.digest()), pass.records, pass.quotedBreak,
                    pass.inQuotes, List.copyOf(pass.invalid), List.copyOf(pass.oversized), pass.faulty);
        }
    }

    /** Data records: the header excluded. */
    public long dataRows() {
        return Math.max(0, records - 1);
    }

    /** The first {@link #HEAD_CHARS} + 1 characters of the {@code length} bytes at {@code start}, invalid bytes as U+FFFD. */
    private static String head(FileChannel channel, long start, long length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(length, 4L * (HEAD_CHARS + 1)));
        while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) > 0) {
            // reads until full: the record is in the file
        }
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        return text.codePointCount(0, text.length()) <= HEAD_CHARS + 1 ? text
                : text.substring(0, text.offsetByCodePoints(0, HEAD_CHARS + 1));
    }

    /** The state of the pass over one file's bytes. */
    private static final class Pass {
        private final FileChannel heads;
        private final Utf8Check utf8 = new Utf8Check();
        private final List<InvalidUtf8> invalid = new ArrayList<>();
        private final List<OversizedRecord> oversized = new ArrayList<>();
        private boolean inQuotes;
        private boolean content;
        private boolean quotedBreak;
        private long records;
        private long faulty;
        private long lastFaulty = -1;
        private long line = 1;
        private long recordLine;
        private long recordStart;
        private long fields;
        private long fieldStart;
        private long longest;
        private long longestStart;
        private long longestBytes;

        Pass(FileChannel heads) {
            this.heads = heads;
        }

        void accept(byte b, long offset) throws IOException {
            boolean lineBreak = b == '\n' || b == '\r';
            if (!content && !lineBreak) {
                content = true;
                recordStart = offset;
                recordLine = line;
                fields = 1;
                fieldStart = offset;
                longestBytes = -1;
            }
            if (b < 0 || utf8.pending()) {
                long bad = utf8.accept(b & 0xFF, offset);
                if (bad >= 0) {
                    invalidUtf8(bad);
                }
            }
            if (lineBreak) {
                if (b == '\n') {
                    line++;
                }
                if (inQuotes) {
                    quotedBreak = true;
                } else if (content) {
                    endRecord(offset);
                }
            } else if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == ';' && !inQuotes) {
                endField(offset);
                fields++;
                fieldStart = offset + 1;
            }
        }

        void end(long size) throws IOException {
            long bad = utf8.end();
            if (bad >= 0) {
                invalidUtf8(bad);
            }
            if (content) {
                endRecord(size);
            }
        }

        private void endField(long offset) {
            if (offset - fieldStart > longestBytes) {
                longestBytes = offset - fieldStart;
                longest = fields - 1;
                longestStart = fieldStart;
            }
        }

        private void endRecord(long offset) throws IOException {
            endField(offset);
            if (offset - recordStart > MAX_RECORD_BYTES || fields > MAX_FIELDS) {
                countFaulty();
                if (oversized.size() < MAX_FAULTS) {
                    oversized.add(new OversizedRecord(records, recordLine, recordStart, offset, fields, index(longest),
                            longestBytes, head(heads, recordStart, offset - recordStart),
                            head(heads, longestStart, longestBytes)));
                }
            }
            records++;
            content = false;
        }

        private void invalidUtf8(long offset) {
            if (lastFaulty != records) {
                countFaulty();
                if (invalid.size() < MAX_FAULTS) {
                    invalid.add(new InvalidUtf8(records, recordLine, index(fields - 1), offset));
                }
            }
        }

        /** A field's index as an int (a file of more than 2^31 fields in a record is refused anyway). */
        private static int index(long field) {
            return (int) Math.min(field, Integer.MAX_VALUE);
        }

        private void countFaulty() {
            if (lastFaulty != records) {
                lastFaulty = records;
                faulty++;
            }
        }
    }
}
