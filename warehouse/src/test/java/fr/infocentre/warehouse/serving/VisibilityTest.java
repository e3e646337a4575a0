package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.release.ReleaseStore;
import fr.infocentre.warehouse.release.ReleasePublisher;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.fixtures.TestCatalogues;
import fr.infocentre.warehouse.publication.Publication;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The visibility declared in catalogue.yaml, enforced by the warehouse's public entry point: a
 * rapport of a restricted series (TAB06-01 of the test catalogue {@code catalogues/base} +
 * {@code catalogues/restricted}, the same SQL as its public TAB03-01) is neither listed, nor
 * found, nor computed, nor released (no release file, no open-data file, nothing the ReleaseStore serves).
 * The application's own TAB06-01 (series 06, a rapport by guichet) likewise: the public entry point
 * never lists nor computes it, only the restricted one ({@link GuichetActivity}) serves it.
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
        unknown(() -> warehouse.computeLevels(RESTRICTED, List.of(Level.NATIONAL), millesime, t -> {
        }));
    }

    @Test
    void aRestrictedRapportEntersNoReleaseFileNorItsOpenDataNorWhatIsServed() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        ReleasePublisher.Released released = ReleasePublisher.publish(warehouse, releases,
                Publication.Options.all(millesime), Optional.empty(), quiet);
        assertEquals(2, released.publication().rapports());
        Path folder = released.folder();
        assertTrue(Files.isDirectory(folder.resolve("TAB03-01")));
        assertTrue(Files.isRegularFile(folder.resolve("opendata/TAB03-01.parquet")));
        List<String> mentions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.toList()) {
                if (f.toString().contains(RESTRICTED) || f.toString().contains("TAB06")) {
                    mentions.add(f + " (its name)");
                } else if (Files.isRegularFile(f) && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .contains("06-01")) {
                    mentions.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), mentions, "no file of the release names the restricted rapport");
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            assertEquals(List.of("TAB03-01", "TAB03-02"), ids(store.catalogue()));
            assertEquals(List.of("03"), store.series().stream().map(Series::id).toList());
            assertTrue(store.rapport(RESTRICTED).isEmpty());
            unknown(() -> store.table(RESTRICTED, Level.NATIONAL, "FR", millesime));
        }
        unknown(() -> ReleasePublisher.publish(warehouse, Files.createTempDirectory("releases-"),
                new Publication.Options(millesime, List.of(RESTRICTED), List.of()), Optional.empty(), quiet));
    }

    @Test
    void theApplicationsSeries06IsServedByTheRestrictedEntryPointOnly() {
        Catalogue application = Catalogue.load();
        assertEquals(Series.Visibility.RESTRICTED, application.series("06").orElseThrow().visibility());
        assertEquals(List.of(RESTRICTED), application.guichetRapports().stream().map(d -> d.rapport().id()).toList());
        assertTrue(application.definition(RESTRICTED).isEmpty(), "not a rapport by territory");
        assertTrue(application.rapports().stream().noneMatch(r -> r.series().equals("06")));
        assertEquals(List.of(), application.publicCatalogue().guichetRapports());
        try (DuckDbWarehouse publicWarehouse = DuckDbWarehouse.open(Series06Warehouse.folder())) {
            assertTrue(publicWarehouse.catalogue().stream().noneMatch(r -> r.series().equals("06")));
            assertTrue(publicWarehouse.series().stream().noneMatch(s -> s.id().equals("06")));
            assertTrue(publicWarehouse.rapport(RESTRICTED).isEmpty());
            int year = publicWarehouse.millesimes().get(0);
            unknown(() -> publicWarehouse.compute(RESTRICTED, Level.DEPARTEMENT, "06", year));
            unknown(() -> publicWarehouse.compute(RESTRICTED, "region", "93", year));
            unknown(() -> publicWarehouse.computeLevels(RESTRICTED, List.of(Level.DEPARTEMENT), year, t -> {
            }));
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
            unknown(() -> ReleasePublisher.publish(publicWarehouse, Files.createTempDirectory("releases-"),
                    new Publication.Options(year, List.of(RESTRICTED), List.of()), Optional.empty(), quiet));
        }
        GuichetActivity restricted = Series06Warehouse.restricted();
        assertEquals(RESTRICTED, restricted.rapport().id());
        assertEquals("06", restricted.rapport().series());
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
