package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The releases served read-only: every table read back from the release files is the table the
 * warehouse computes for that territory ({@code Warehouse.compute}: the batch filtered), errors say
 * what is wrong, and a millésime released after the store was opened is served without reopening.
 */
class ReleaseStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RAPPORTS = List.of("TAB01-01", "TAB03-02", "TAB04-10");

    private static DuckDbWarehouse warehouse;
    private static int millesime;
    private static Path releases;
    private static ReleaseStore store;

    @BeforeAll
    static void release() throws IOException {
        warehouse = (DuckDbWarehouse) GeneratedWarehouse.warehouse();
        millesime = GeneratedWarehouse.millesime();
        releases = Files.createTempDirectory("releases-");
        publish(millesime);
        store = ReleaseStore.open(releases);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static void publish(int year) {
        ReleasePublisher.publish(warehouse, releases, new Publication.Options(year, RAPPORTS, List.of()),
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void everyReleasedTableIsTheTableTheWarehouseComputesForThatTerritory() throws IOException {
        assertEquals(List.of(millesime), store.millesimes());
        assertEquals(RAPPORTS, store.catalogue().stream().map(Rapport::id).toList());
        int tables = 0;
        for (String id : RAPPORTS) {
            Rapport rapport = store.rapport(id).orElseThrow();
            assertEquals(warehouse.rapport(id).orElseThrow(), rapport, "the release's catalogue is the warehouse's");
            for (Level level : rapport.levels()) {
                assertEquals(warehouse.territoires(level), store.territoires(level));
                for (Territoire t : store.territoires(level)) {
                    RapportTable read = store.table(id, level, t.code(), millesime);
                    RapportTable computed = warehouse.compute(id, level, t.code(), millesime);
                    assertEquals(JSON.writeValueAsString(computed.document()), JSON.writeValueAsString(read.document()),
                            id + " " + level.key() + " " + t.code());
                    assertEquals(computed.masks(), read.masks());
                    tables++;
                }
            }
        }
        assertTrue(tables > 100, tables + " tables compared");
    }

    @Test
    void aWrongRequestSaysWhatIsWrong() {
        assertEquals(InvalidRequest.Cause.UNKNOWN_RAPPORT, assertThrows(InvalidRequest.class,
                () -> store.table("TAB02-02", Level.NATIONAL, "FR", millesime)).motif(), "not in this release");
        assertEquals(InvalidRequest.Cause.UNKNOWN_TERRITOIRE, assertThrows(InvalidRequest.class,
                () -> store.table("TAB03-02", Level.DEPARTEMENT, "75", millesime)).motif());
        assertEquals(InvalidRequest.Cause.YEAR_NOT_COVERED, assertThrows(InvalidRequest.class,
                () -> store.table("TAB03-02", Level.NATIONAL, "FR", 1990)).motif());
        Rapport flows = store.rapport("TAB01-01").orElseThrow();
        for (Level level : Level.values()) {
            if (!flows.levels().contains(level)) {
                assertEquals(InvalidRequest.Cause.LEVEL_NOT_AVAILABLE, assertThrows(InvalidRequest.class,
                        () -> store.table("TAB01-01", level, "x", millesime)).motif());
            }
        }
    }

    @Test
    void aMillesimeReleasedLaterIsServedWithoutReopening() throws InterruptedException {
        int earlier = millesime - 1;
        assertTrue(warehouse.millesimes().contains(earlier), "the fixture covers " + earlier);
        assertEquals(OptionalInt.empty(), store.edition(earlier));
        publish(earlier);
        Thread.sleep(1_100);
        assertEquals(List.of(earlier, millesime), store.millesimes());
        assertEquals(OptionalInt.of(1), store.edition(earlier));
        assertEquals(earlier, store.table("TAB03-02", Level.NATIONAL, "FR", earlier).millesime());
    }
}
