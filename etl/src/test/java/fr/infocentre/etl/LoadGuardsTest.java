package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.history.ExtractSequence;
import fr.infocentre.etl.warehouse.WarehouseLock;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator can get wrong with a weekly load, one warehouse loaded step by step: each guard
 * refuses with a message saying why and what to do, and leaves the version served as it was; what
 * a killed load left is swept; old versions are pruned.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadGuardsTest {

    @TempDir
    static Path tmp;
    private static final SparkSession SPARK = SharedSpark.session();
    private static Path warehouse;
    private static String served;

    private static ExtractFixture extract(String name, String date) {
        return ExtractFixture.copy("tiny", tmp.resolve(name)).dated(date);
    }

    /** Refused, naming why, with the version served unchanged. */
    private static String refused(ExtractFixture x, EtlJob.Options options) {
        String before = ServedVersion.read(warehouse).name();
        ExtractRefused e = assertThrows(ExtractRefused.class,
                () -> EtlJob.run(SPARK, x.dir(), warehouse, s -> { }, options));
        assertEquals(before, ServedVersion.read(warehouse).name(), "the version served is unchanged");
        assertTrue(e.getMessage().contains("nothing loaded"), e.getMessage());
        return e.getMessage();
    }

    private static String refused(ExtractFixture x) {
        return refused(x, EtlJob.Options.usual());
    }

    @Test
    @Order(1)
    void anOlderExtractOrAnotherOfTheSameDateIsRefused() {
        warehouse = tmp.resolve("warehouse");
        served = EtlJob.run(SPARK, extract("w1", "2026-01-04").dir(), warehouse).version();
        assertTrue(refused(extract("older", "2025-12-28")).contains("older than the last one loaded (2026-01-04)"));
        ExtractFixture other = extract("other", "2026-01-04").set("demandes.csv", "0612024000001", "taille_menage", "5");
        assertTrue(refused(other).contains("an extract of 2026-01-04 with other files was already loaded"));
    }

    @Test
    @Order(2)
    void aNarrowerPerimeterIsRefusedUnlessAccepted() {
        ExtractFixture nice = extract("nice", "2026-01-11").perimetre(List.of("06"));
        String why = refused(nice);
        assertTrue(why.contains("does not cover the warehouse's ([06, 13])") && why.contains("[13] missing")
                && why.contains("--accept-perimetre"), why);
        LoadReport r = EtlJob.run(SPARK, nice.dir(), warehouse, s -> { }, new EtlJob.Options(
                new ExtractSequence.Acceptance(true, false, 0.1), 4, LoadPauses.none()));
        assertEquals(Optional.of(List.of("06", "13")), ServedVersion.read(warehouse).load().perimetre(),
                "the warehouse still covers what its history covers");
        served = r.version();
    }

    @Test
    @Order(3)
    void aFileLosingMoreThanTenPercentOfItsRowsIsRefusedUnlessAccepted() {
        ExtractFixture headerOnly = extract("header-only", "2026-01-18");
        headerOnly.write("demandes.csv", List.of(headerOnly.header("demandes.csv")));
        assertEquals("demandes.csv: 0 data rows where the last extract (2026-01-11) had 4: 100.0 % fewer, more than"
                + " the 10 % allowed — nothing loaded (--accept-row-drop to load it anyway)", refused(headerOnly));
        ExtractFixture lessEvents = extract("less-events", "2026-01-18").remove("evenements.csv", "0612023000003");
        assertTrue(refused(lessEvents).startsWith("evenements.csv: 6 data rows where the last extract (2026-01-11) had 9"));
        served = EtlJob.run(SPARK, lessEvents.dir(), warehouse, s -> { }, new EtlJob.Options(
                new ExtractSequence.Acceptance(false, false, 0.5), 4, LoadPauses.none())).version();
        assertEquals(served, ServedVersion.read(warehouse).name(), "a third of the events lost: within 50 %");
    }

    @Test
    @Order(4)
    void aSecondLoadWhileOneHoldsTheWarehouseIsRefusedNamingTheHolder() {
        try (WarehouseLock held = WarehouseLock.acquire(warehouse, "loading extract-2026-01-25 (test)")) {
            String why = refused(extract("while-held", "2026-01-25"));
            assertTrue(why.startsWith("another load holds the warehouse") && why.contains("loading extract-2026-01-25 (test)"),
                    why);
        }
    }

    @Test
    @Order(5)
    void whatAKilledLoadLeftIsSweptAndOldVersionsArePruned() throws IOException {
        Path versions = WarehouseFormat.versionsDir(warehouse);
        Files.createDirectories(versions.resolve(".staging-v20260125T000000Z/demandes"));
        Files.createDirectories(versions.resolve("v29991231T000000Z/demandes")); // renamed, never switched in
        Files.writeString(warehouse.resolve("CURRENT.tmp.v29991231T000000Z"), "v29991231T000000Z\n");
        List<String> seen = new java.util.ArrayList<>();
        EtlJob.Options keepTwo = new EtlJob.Options(ExtractSequence.Acceptance.usual(), 2, LoadPauses.none());
        String third = EtlJob.run(SPARK, extract("w3", "2026-01-25").dir(), warehouse, seen::add, keepTwo).version();
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("swept what interrupted loads left")
                && s.contains(".staging-v20260125T000000Z") && s.contains("v29991231T000000Z")
                && s.contains("CURRENT.tmp.v29991231T000000Z")), seen.toString());
        assertEquals(List.of(served, third), names(versions), "the last two versions, nothing else");
        assertFalse(Files.exists(warehouse.resolve("CURRENT.tmp.v29991231T000000Z")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
