package fr.infocentre.api.accounts;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The départements and régions the rights of an account are expressed in: a copy of the COG files of
 * {@code etl/src/main/resources/ref/} (101 départements, 18 régions), shipped with the api, which reads no
 * warehouse ({@code GeographyTest} checks that the copy is the ETL's). Immutable.
 */
public final class Geography {

    /** A département: INSEE code (01…95, 2A, 2B, 971…976), name, région code. */
    public record Departement(String code, String name, String region) {
    }

    /** A région: INSEE code and name. */
    public record Region(String code, String name) {
    }

    private static final Geography COG = new Geography();

    private final Map<String, Departement> departements = new LinkedHashMap<>();
    private final Map<String, Region> regions = new LinkedHashMap<>();

    private Geography() {
        read("regions.csv", r -> regions.put(r.get("code_region"), new Region(r.get("code_region"), r.get("nom"))));
        read("departements.csv", r -> departements.put(r.get("code_departement"),
                new Departement(r.get("code_departement"), r.get("nom"), r.get("code_region"))));
        for (Departement d : departements.values()) {
            if (!regions.containsKey(d.region())) {
                throw new IllegalStateException("département " + d.code() + " in unknown région " + d.region());
            }
        }
    }

    /** The geography of France (COG 2026). */
    public static Geography france() {
        return COG;
    }

    public Optional<Departement> departement(String code) {
        return Optional.ofNullable(code == null ? null : departements.get(code));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    /** Every département, in code order. */
    public List<Departement> departements() {
        return List.copyOf(departements.values());
    }

    /** The départements of a région, in code order (empty for an unknown région). */
    public List<Departement> departementsOf(String region) {
        return departements.values().stream().filter(d -> d.region().equals(region)).toList();
    }

    /**
     * The département of an INSEE commune code (5 characters: the first 3 in the DROM, 97x; the first 2
     * elsewhere, 2A and 2B included; a municipal arrondissement belongs to its commune's département);
     * empty when the code is malformed or names no known département.
     */
    public Optional<Departement> departementOfCommune(String commune) {
        if (commune == null || !commune.matches("(\\d{2}|2A|2B)\\d{3}")) {
            return Optional.empty();
        }
        return departement(commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2));
    }

    private static void read(String name, Consumer<Map<String, String>> row) {
        InputStream in = Geography.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("geography file " + name + " missing from the classpath");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            for (CSVRecord record : parser) {
                row.accept(Collections.unmodifiableMap(record.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
