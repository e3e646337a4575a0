package fr.infocentre.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.contract.ExtractFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan finds, anywhere in a file, the records holding bytes that are not UTF-8 and the
 * oversized ones, with their record number, line, field and byte offset; the copy Spark reads
 * has the same records, the oversized ones replaced.
 */
class FileScanTest {

    /** Filler records of 9 bytes with two 2-byte characters each: 1.8 MB, past the scan's first 1 MiB read. */
    private static final int K = 200_000;

    @TempDir
    Path tmp;

    @Test
    void findsInvalidUtf8AndOversizedRecordsAnywhere() throws IOException {
        Path file = sample();

        FileScan scan = FileScan.of(file);

        long bad = 17 + 9L * K;      // header 7 bytes, a record of two lines 10 bytes, then the filler
        long big = bad + 9;           // "3;caf\xE9;3\n"
        long wide = big + 70_005;     // "4;" + 70,000 x + ";5\n"
        long last = wide + 1_001;     // 1,000 separators + "\n"
        assertEquals(K + 6, scan.records());
        assertTrue(scan.quotedLineBreak());
        assertFalse(scan.unterminatedQuote());
        assertEquals(List.of(
                new FileScan.InvalidUtf8(K + 2, K + 4, 1, bad + 5),
                new FileScan.InvalidUtf8(K + 5, K + 7, 1, last + 2)), scan.invalidUtf8());
        assertEquals(List.of(
                new FileScan.OversizedRecord(K + 3, K + 5, big, big + 70_004, 3, 1, 70_000,
                        "4;" + "x".repeat(999), "x".repeat(1_001)),
                new FileScan.OversizedRecord(K + 4, K + 6, wide, wide + 1_000, 1_001, 0, 0, ";".repeat(1_000), "")),
                scan.oversized());
        assertEquals(4, scan.faultyRecords());
    }

    @Test
    void theCopySparkReadsHasTheSameRecordsWithoutTheOversizedOnes() throws IOException {
        Path file = sample();
        FileScan scan = FileScan.of(file);
        CheckedFile checked = new CheckedFile(ExtractFile.GUICHETS, file, List.of("ab", "b", "c"), scan.dataRows(),
                scan.quotedLineBreak(), scan.invalidUtf8(), scan.oversized());

        try (ReadableCopies copies = new ReadableCopies(tmp.resolve("scratch"))) {
            CheckedFile copy = copies.readable(checked);
            FileScan again = FileScan.of(copy.path());
            assertEquals(scan.records(), again.records());
            assertEquals(List.of(), again.oversized());
            assertEquals(List.of(K + 2L, K + 5L), again.invalidUtf8().stream().map(FileScan.InvalidUtf8::ligne).toList());
            List<String> lines = Files.readAllLines(copy.path(), StandardCharsets.ISO_8859_1);
            assertEquals(List.of(ReadableCopies.PLACEHOLDER, ReadableCopies.PLACEHOLDER), lines.subList(K + 4, K + 6));
            assertEquals(checked.oversized(), copy.oversized(), "what the scan noted of the original goes along");
        }
        assertFalse(Files.exists(tmp.resolve("scratch")), "closing deletes the copies");
    }

    /** A file of every case, worked out byte by byte (offsets in the test above). */
    private Path sample() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "ab;b;c\n");
        write(out, "1;\"x\ny\";3\n");
        for (int i = 0; i < K; i++) {
            write(out, "2;éé;3\n");
        }
        out.write(new byte[] {'3', ';', 'c', 'a', 'f', (byte) 0xE9, ';', '3', '\n'});
        write(out, "4;" + "x".repeat(70_000) + ";5\n");
        write(out, ";".repeat(1_000) + "\n");
        out.write(new byte[] {'5', ';', (byte) 0xC3});
        Path file = tmp.resolve("sample.csv");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
