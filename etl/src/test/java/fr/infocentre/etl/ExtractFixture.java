package fr.infocentre.etl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Test extracts: copies a fixture folder of {@code src/test/resources/extracts/<name>/} to a
 * work folder, lets tests edit its CSV files, and writes a manifest.json with the right row
 * counts and checksums (computed independently of the ETL: commons-csv and MessageDigest).
 */
public final class ExtractFixture {

    public static final List<String> FILES = List.of("guichets.csv", "demandes.csv", "evenements.csv",
            "attributions.csv");
    public static final String DATE_EXTRACTION = "2025-12-28";

    private static final CSVFormat DIALECT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';').setQuote('"').setRecordSeparator('\n').get();

    private final Path dir;
    private final Map<String, Long> declaredRows = new LinkedHashMap<>();
    private String date = DATE_EXTRACTION;
    private List<String> perimetre = List.of("06", "13");

    private ExtractFixture(Path dir) {
        this.dir = dir;
    }

    /** Copies fixture {@code name} into {@code target} (created) and writes its manifest. */
    public static ExtractFixture copy(String name, Path target) {
        try {
            URL url = ExtractFixture.class.getResource("/extracts/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test extract " + name);
            }
            Path source = Path.of(url.toURI());
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            ExtractFixture fixture = new ExtractFixture(target);
            fixture.writeManifest();
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Appends raw lines (already CSV) to a file and rewrites the manifest. */
    public ExtractFixture append(String file, String... lines) {
        return appendBytes(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Appends raw bytes to a file (bytes that are not UTF-8, a huge record…) and rewrites the manifest. */
    public ExtractFixture appendBytes(String file, byte[] bytes) {
        try {
            Files.write(file(file), bytes, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeManifest();
        return this;
    }

    /** The header of a file. */
    public List<String> header(String file) {
        return new ArrayList<>(records(file).get(0));
    }

    /** Every record of a file (the header first) as lists of values; bytes that are not UTF-8 read as U+FFFD. */
    public List<List<String>> records(String file) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file(file)), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, DIALECT)) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a file from records (the header first) and rewrites the manifest. */
    public ExtractFixture write(String file, List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, DIALECT)) {
            for (List<String> r : records) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.writeString(file(file), out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeManifest();
        return this;
    }

    /** A data line of a file: the first data record with {@code changes} applied, as CSV. */
    public String lineLike(String file, Map<String, String> changes) {
        List<String> header = header(file);
        List<String> values = new ArrayList<>(records(file).get(1));
        changes.forEach((column, value) -> {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(file + " has no column " + column);
            }
            values.set(i, value);
        });
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, DIALECT.builder().setRecordSeparator("").get())) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Dates the extract (its manifest's date_extraction). */
    public ExtractFixture dated(String dateExtraction) {
        date = dateExtraction;
        writeManifest();
        return this;
    }

    /** Sets the manifest's perimeter (null: the key absent, all of France). */
    public ExtractFixture perimetre(List<String> departements) {
        perimetre = departements;
        writeManifest();
        return this;
    }

    /** Removes the data records of a file whose {@code numero_unique} (or first column) is {@code key}. */
    public ExtractFixture remove(String file, String key) {
        List<List<String>> records = new ArrayList<>(records(file));
        List<List<String>> kept = new ArrayList<>(List.of(records.get(0)));
        records.stream().skip(1).filter(r -> !r.get(0).equals(key)).forEach(kept::add);
        return write(file, kept);
    }

    /** Sets {@code column} to {@code value} in the data records of a file whose first column is {@code key}. */
    public ExtractFixture set(String file, String key, String column, String value) {
        List<List<String>> records = new ArrayList<>();
        int i = header(file).indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(file + " has no column " + column);
        }
        for (List<String> r : records(file)) {
            List<String> copy = new ArrayList<>(r);
            if (copy.get(0).equals(key)) {
                copy.set(i, value);
            }
            records.add(copy);
        }
        return write(file, records);
    }

    /**
     * Makes the manifest declare {@code rows} data rows for a file, whatever it holds (and spares
     * parsing it to count them: a file holding a huge record).
     */
    public ExtractFixture declareRows(String file, long rows) {
        declaredRows.put(file, rows);
        writeManifest();
        return this;
    }

    /** Writes manifest.json with each file's data-row count and SHA-256 (a missing file is skipped). */
    public void writeManifest() {
        Map<String, Object> fichiers = new LinkedHashMap<>();
        for (String name : FILES) {
            if (Files.exists(file(name))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("lignes", declaredRows.containsKey(name) ? declaredRows.get(name) : records(name).size() - 1);
                entry.put("sha256", sha256(file(name)));
                fichiers.put(name, entry);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "sne-extract");
        manifest.put("version", 1);
        manifest.put("date_extraction", date);
        if (perimetre != null) {
            manifest.put("perimetre", perimetre);
        }
        manifest.put("fichiers", fichiers);
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(file("manifest.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
