package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.TestCatalogues;
import fr.infocentre.warehouse.publication.Publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The visibility declared in catalogue.yaml, enforced by the warehouse's public entry point: a
 * rapport of a restricted series (TAB06-01 of the test catalogue {@code catalogues/base} +
 * {@code catalogues/restricted}, the same SQL as its public TAB03-01) is neither listed, nor
 * found, nor computed, nor prepared, nor published.
 */
class VisibilityTest {

    private static final String RESTRICTED = "TAB06-01";

    private static Catalogue declared;
    private static DuckDbWarehouse warehouse;
    private static int millesime;

    @BeforeAll
    static void open(@TempDir Path dir) {
        declared = Catalogue.load(TestCatalogues.write(dir, "restricted"));
        warehouse = DuckDbWarehouse.open(MiniWarehouse.folder(), declared);
        List<Integer> millesimes = warehouse.millesimes();
        millesime = millesimes.get(millesimes.size() - 1);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void theTestCatalogueDeclaresARestrictedRapport() {
        assertEquals(Series.Visibility.RESTRICTED, declared.series("06").orElseThrow().visibility());
        assertEquals(List.of("TAB03-01", RESTRICTED, "TAB03-02"), ids(declared.rapports()));
        assertEquals(declared.definition("TAB03-01").orElseThrow().sql(), declared.definition(RESTRICTED).orElseThrow().sql(),
                "the restricted rapport could be computed: its SQL is the public TAB03-01's");
        assertEquals(List.of("03"), declared.publicCatalogue().series().stream().map(Series::id).toList());
    }

    @Test
    void aRestrictedRapportIsNotListed() {
        assertEquals(List.of("TAB03-01", "TAB03-02"), ids(warehouse.catalogue()));
        assertEquals(List.of(new Series("03", "Analyse des demandes en cours", Series.Visibility.PUBLIC)),
                warehouse.series());
        assertTrue(warehouse.rapport(RESTRICTED).isEmpty());
        assertTrue(warehouse.rapport("TAB03-01").isPresent());
    }

    @Test
    void aRestrictedRapportIsNotComputed() {
        RapportTable table = warehouse.compute("TAB03-01", Level.NATIONAL, "FR", millesime);
        assertEquals("TAB03-01", table.rapport().id());
        unknown(() -> warehouse.compute(RESTRICTED, Level.NATIONAL, "FR", millesime));
        unknown(() -> warehouse.compute(RESTRICTED, "departement", "06", millesime));
        unknown(() -> warehouse.prepare(RESTRICTED, millesime));
        unknown(() -> warehouse.computeLevels(RESTRICTED, List.of(Level.NATIONAL), millesime, t -> {
        }));
        unknown(() -> warehouse.computed(RESTRICTED, Level.NATIONAL, "FR", millesime));
    }

    @Test
    void aRestrictedRapportIsNotPublished(@TempDir Path out) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        Publication.Summary summary = Publication.publish(warehouse, out, Publication.Options.all(millesime), quiet);
        assertEquals(2, summary.rapports());
        Path folder = out.resolve(String.valueOf(millesime));
        assertTrue(Files.isDirectory(folder.resolve("TAB03-01")));
        assertFalse(Files.exists(folder.resolve(RESTRICTED)));
        List<String> indexed = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(folder.resolve("index.json").toFile()).get("rapports")) {
            indexed.add(r.get("id").asText());
        }
        assertEquals(List.of("TAB03-01", "TAB03-02"), indexed);
        unknown(() -> Publication.publish(warehouse, out,
                new Publication.Options(millesime, List.of(RESTRICTED), List.of(), false), quiet));
    }

    private static void unknown(Executable request) {
        InvalidRequest e = assertThrows(InvalidRequest.class, request);
        assertEquals(InvalidRequest.Cause.UNKNOWN_RAPPORT, e.motif(), e.getMessage());
        assertTrue(e.getMessage().contains(RESTRICTED), e.getMessage());
    }

    private static List<String> ids(List<Rapport> rapports) {
        return rapports.stream().map(Rapport::id).toList();
    }
}
