package fr.infocentre.etl.reference;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one reference CSV of the classpath folder {@code /ref/} (comma-separated, with a header):
 * the one reader of the reference copy, for the ETL and the generator.
 */
public final class ReferenceCsv {

    /** Every file of the reference copy the warehouse's reference tables are written from. */
    private static final List<String> FILES = List.of("communes.csv", "epci.csv", "departements.csv", "regions.csv",
            "plafonds-ressources.csv", "paris-limitrophes.csv");

    private ReferenceCsv() {
    }

    /**
     * The SHA-256 of the reference copy's files, in a fixed order: two loads with the same digest
     * write the same geography and plafonds tables.
     */
    public static String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : FILES) {
                try (InputStream in = ReferenceCsv.class.getResourceAsStream("/ref/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("reference file /ref/" + name + " missing from the classpath");
                    }
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the reference copy", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record as a column-name → value map; empty values become null. */
    public static List<Map<String, String>> read(String name) {
        String resource = "/ref/" + name;
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file " + resource + " missing from the classpath");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new java.util.LinkedHashMap<>();
                record.toMap().forEach((k, v) -> row.put(k, v.isEmpty() ? null : v));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
