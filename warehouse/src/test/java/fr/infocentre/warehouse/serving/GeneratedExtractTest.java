package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.Unprotected;
import fr.infocentre.warehouse.rapports.Tab0101Test;


import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second route on a generated extract (Lozère, scale 0.05): the stock flow of TAB01-01 is
 * consistent with itself at every level, and its stock at 31 December equals TAB03-02's total,
 * TAB02-03's December value and TAB02-05's stock of year N; TAB02-04's monthly attributions add
 * up to TAB04-10's total: figures computed by different SQL.
 */
class GeneratedExtractTest {

    private static Warehouse warehouse;

    @BeforeAll
    static void loadAGeneratedExtract() throws IOException {
        Path extract = Files.createTempDirectory("generated-extract-");
        // what GenerateCommand --scale 0.05 --seed 7 --until 2025-12-28 --departements 48 does,
        // without its System.exit on failure
        new Generator(new GeneratorOptions(0.05, 7, LocalDate.of(2025, 12, 28), List.of("48"),
                GeneratorOptions.DEFAULT_HISTORY_FROM)).writeTo(extract);
        Path folder = Files.createTempDirectory("generated-warehouse-");
        EtlJob.run(SharedSpark.session(), extract, folder);
        warehouse = new Unprotected(folder); // identities hold on the figures as computed, before masking
    }

    @AfterAll
    static void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private static List<Territoire> territoires() {
        List<Territoire> t = new ArrayList<>();
        t.add(Territoire.FRANCE);
        t.addAll(warehouse.territoires(Level.REGION));
        t.addAll(warehouse.territoires(Level.DEPARTEMENT));
        t.addAll(warehouse.territoires(Level.EPCI));
        return t;
    }

    @Test
    void coversAtLeastTheLastFullYear() {
        assertTrue(warehouse.millesimes().contains(2024), warehouse.millesimes().toString());
        assertEquals(List.of("48"), warehouse.territoires(Level.DEPARTEMENT).stream().map(Territoire::code).toList());
        assertFalse(warehouse.territoires(Level.EPCI).isEmpty());
    }

    @Test
    void stockIdentityAtEveryLevelAndYear() {
        for (int millesime : warehouse.millesimes()) {
            for (Territoire t : territoires()) {
                Tab0101Test.checkIdentity(warehouse.compute("TAB01-01", t.level(), t.code(), millesime));
            }
        }
    }

    @Test
    void stockAt31DecemberAgreesAcrossRapports() {
        int millesime = warehouse.millesimes().get(warehouse.millesimes().size() - 1);
        long stockNational = 0;
        for (Territoire t : territoires()) {
            RapportTable flux = warehouse.compute("TAB01-01", t.level(), t.code(), millesime);
            RapportTable ages = warehouse.compute("TAB03-02", t.level(), t.code(), millesime);
            RapportTable month = warehouse.compute("TAB02-03", t.level(), t.code(), millesime);
            long stock = Cells.count(flux, "STOCK_FIN", "ensemble");
            assertEquals(stock, ages.total().get("effectif"), "TAB03-02 total, " + t);
            assertEquals(stock, Cells.count(month, "12", "effectif"), "TAB02-03 December, " + t);
            assertEquals(Cells.count(flux, "STOCK_FIN", "mutation"), ages.total().get("mutation"), t.toString());
            if (t.level() == Level.NATIONAL) {
                stockNational = stock;
            }
        }
        assertTrue(stockNational > 0, "the comparisons above must not be vacuous");
    }

    @Test
    void stockOfTheFiveYearSeriesAgreesWithTheStockFlow() {
        for (int millesime : warehouse.millesimes()) {
            for (Territoire t : territoires()) {
                RapportTable flux = warehouse.compute("TAB01-01", t.level(), t.code(), millesime);
                RapportTable fiveYears = warehouse.compute("TAB02-05", t.level(), t.code(), millesime);
                assertEquals(Cells.count(flux, "STOCK_FIN", "ensemble"), Cells.count(fiveYears, "N", "demandes"),
                        "TAB02-05 stock of " + millesime + ", " + t);
            }
        }
    }

    @Test
    void monthlyAttributionsAddUpToTheAttributionsByReservataire() {
        int millesime = warehouse.millesimes().get(warehouse.millesimes().size() - 1);
        RapportTable month = warehouse.compute("TAB02-04", Level.NATIONAL, "FR", millesime);
        RapportTable reservataires = warehouse.compute("TAB04-10", Level.NATIONAL, "FR", millesime);
        long sum = month.lines().stream().mapToLong(l -> (Long) l.get("attributions")).sum();
        assertEquals(12, month.lines().size());
        assertEquals(reservataires.total().get("effectif"), sum);
        assertTrue(sum > 0, "the comparison must not be vacuous");
    }
}
