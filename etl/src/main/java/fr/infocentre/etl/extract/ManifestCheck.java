package fr.infocentre.etl.extract;

import fr.infocentre.etl.contract.ExtractFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks an extract folder before Spark reads anything: the manifest is well-formed, every file
 * exists, its SHA-256 and data-row count match the manifest, its header is UTF-8, not oversized
 * and holds every column of the contract (each once), and at most a few of its records hold
 * invalid UTF-8 or are oversized ({@link FaultyRecords}). Any mismatch refuses the whole extract.
 */
public final class ManifestCheck {

    /** The extract's CSV dialect: {@code ;} separator, {@code "} quote and escape. */
    public static final CSVFormat DIALECT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';').setQuote('"').setRecordSeparator('\n').get();

    private ManifestCheck() {
    }

    /** The checked extract: its manifest and its four files. */
    public record CheckedExtract(Manifest manifest, Map<ExtractFile, CheckedFile> files) {
    }

    public static CheckedExtract check(Path extractDir) {
        return check(extractDir, Manifest.read(extractDir));
    }

    /** Checks the files of an extract against its manifest, already read. */
    public static CheckedExtract check(Path extractDir, Manifest manifest) {
        Map<ExtractFile, CheckedFile> files = new EnumMap<>(ExtractFile.class);
        for (ExtractFile f : ExtractFile.values()) {
            files.put(f, checkFile(extractDir, f, manifest.declared().get(f)));
        }
        return new CheckedExtract(manifest, files);
    }

    private static CheckedFile checkFile(Path dir, ExtractFile f, Manifest.Declared declared) {
        String name = f.fileName();
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new ExtractRefused(name + ": file missing from the extract, manifest lists it — nothing loaded");
        }
        FileScan scan;
        try {
            scan = FileScan.of(path);
        } catch (IOException e) {
            throw new ExtractRefused(name + ": unreadable (" + e.getMessage() + ") — nothing loaded", e);
        }
        if (!scan.sha256().equals(declared.sha256())) {
            throw new ExtractRefused(name + ": sha256 " + scan.sha256() + ", manifest says " + declared.sha256()
                    + " — truncated or altered extract; nothing loaded");
        }
        if (scan.unterminatedQuote()) {
            throw new ExtractRefused(name + ": ends inside a quoted field (unbalanced \") — nothing loaded");
        }
        if (scan.records() == 0) {
            throw new ExtractRefused(name + ": empty file, no header line — nothing loaded");
        }
        if (scan.dataRows() != declared.lignes()) {
            throw new ExtractRefused(name + ": " + scan.dataRows() + " data rows, manifest says " + declared.lignes()
                    + " — truncated or altered extract; nothing loaded");
        }
        FaultyRecords.refuseFaultyHeader(name, scan);
        List<String> header = readHeader(path);
        checkHeader(f, header);
        FaultyRecords.refuseMostlyFaulty(name, scan, header);
        return new CheckedFile(f, path, header, scan.dataRows(), scan.quotedLineBreak(), scan.invalidUtf8(),
                scan.oversized());
    }

    /** The header's column names; the scan found it UTF-8 (what the reader reads ahead may not be: replaced). */
    private static List<String> readHeader(Path path) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, DIALECT)) {
            CSVRecord first = parser.iterator().next();
            List<String> names = new ArrayList<>();
            first.forEach(names::add);
            if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
                names.set(0, names.get(0).substring(1));
            }
            return List.copyOf(names);
        } catch (IOException | UncheckedIOException e) {
            throw new ExtractRefused(path.getFileName() + ": header line unreadable (" + e.getMessage()
                    + ") — nothing loaded", e);
        }
    }

    private static void checkHeader(ExtractFile f, List<String> header) {
        Set<String> seen = new HashSet<>();
        Set<String> contract = Set.copyOf(f.columnNames());
        for (String column : header) {
            if (!seen.add(column) && contract.contains(column)) {
                throw new ExtractRefused(f.fileName() + ": line 1 (header): column " + column
                        + " appears twice — nothing loaded");
            }
        }
        for (String column : f.columnNames()) {
            if (!seen.contains(column)) {
                List<String> unknown = header.stream().filter(c -> !contract.contains(c)).toList();
                throw new ExtractRefused(f.fileName() + ": line 1 (header): required column " + column
                        + " is missing" + (unknown.isEmpty() ? "" : " (columns not in the contract: "
                        + String.join(", ", unknown) + ")") + " — nothing loaded");
            }
        }
    }
}
