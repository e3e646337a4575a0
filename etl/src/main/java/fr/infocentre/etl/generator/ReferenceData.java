package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * The reference tables the generator needs, loaded from the classpath ({@code /ref/...}):
 * communes with population and EPCI, the communes bordering Paris, and the income ceilings.
 */
final class ReferenceData {

    private final List<Commune> communes;
    private final Set<String> parisLimitrophes;
    private final IncomeCeilings ceilings;

    private ReferenceData(List<Commune> communes, Set<String> parisLimitrophes, IncomeCeilings ceilings) {
        this.communes = communes;
        this.parisLimitrophes = parisLimitrophes;
        this.ceilings = ceilings;
    }

    static ReferenceData load() {
        List<Commune> communes = new ArrayList<>();
        for (CSVRecord r : read("/ref/communes.csv")) {
            String population = r.get("population");
            communes.add(new Commune(r.get("code_commune"), r.get("nom"), "ARRONDISSEMENT".equals(r.get("type")),
                    r.get("commune_parent"), r.get("code_departement"), r.get("code_region"), r.get("siren_epci"),
                    population.isEmpty() ? 0 : Integer.parseInt(population)));
        }
        Set<String> limitrophes = new HashSet<>(); // look-ups only
        for (CSVRecord r : read("/ref/paris-limitrophes.csv")) {
            limitrophes.add(r.get("code_commune"));
        }
        return new ReferenceData(List.copyOf(communes), limitrophes, IncomeCeilings.from(read("/ref/plafonds-ressources.csv")));
    }

    private static List<CSVRecord> read(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    List<Commune> communes() {
        return communes;
    }

    IncomeCeilings ceilings() {
        return ceilings;
    }

    /** Income-ceiling zone of a commune (arrondissements of Paris count as Paris). */
    IncomeCeilings.Zone zoneOf(Commune commune) {
        if ("75".equals(commune.departement()) || parisLimitrophes.contains(commune.code())) {
            return IncomeCeilings.Zone.PARIS_LIMITROPHES;
        }
        return "11".equals(commune.region()) ? IncomeCeilings.Zone.IDF_HORS_PARIS : IncomeCeilings.Zone.AUTRES_REGIONS;
    }
}
