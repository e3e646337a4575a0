package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import fr.infocentre.warehouse.InvalidRequest.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON_1ER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Millésimes, territories and invalid requests on the mini extract. */
class RequestsTest {

    private final Warehouse w = MiniWarehouse.warehouse();

    @Test
    void millesimesAreTheFullYearsSinceTheFirstRadiation() {
        // extracted 2025-01-15 (2025 not over); earliest RADIATION 2023-06-01 (69-L16)
        assertEquals(List.of(2023, 2024), w.millesimes());
    }

    @Test
    void territoriesAreThoseOfThePerimeter() {
        assertEquals(List.of(Territoire.FRANCE), w.territoires(Level.NATIONAL));
        assertEquals(List.of("84", "93"), w.territoires(Level.REGION).stream().map(Territoire::code).toList());
        assertEquals(List.of("06", "69"), w.territoires(Level.DEPARTEMENT).stream().map(Territoire::code).toList());
        assertEquals("Métropole de Lyon", w.territoire(Level.EPCI, "200046977").orElseThrow().name());
        assertEquals("Villeurbanne", w.territoire(Level.COMMUNE, "69266").orElseThrow().name());
        assertTrue(w.territoire(Level.COMMUNE, LYON_1ER).isEmpty(), "an arrondissement is not a commune");
        assertTrue(w.territoire(Level.DEPARTEMENT, "75").isEmpty(), "outside the extract's perimeter");
    }

    @Test
    void catalogueInOrder() {
        // publication order = the ids' order (the catalogue grows as rapports are added)
        List<String> ids = w.catalogue().stream().map(Rapport::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(ids.containsAll(List.of("TAB01-01", "TAB01-02", "TAB02-01", "TAB02-02", "TAB02-03", "TAB02-04",
                "TAB02-05", "TAB03-02", "TAB04-01", "TAB04-10", "TAB04-16")), ids.toString());
    }

    @Test
    void unknownRapport() {
        rejected(Cause.UNKNOWN_RAPPORT, "TAB99-99", () -> w.compute("TAB99-99", Level.NATIONAL, "FR", 2024));
    }

    @Test
    void unknownLevelKey() {
        rejected(Cause.UNKNOWN_LEVEL, "canton", () -> w.compute("TAB03-02", "canton", "0601", 2024));
    }

    @Test
    void levelNotPublishedForThisRapport() {
        rejected(Cause.LEVEL_NOT_AVAILABLE, "commune", () -> w.compute("TAB01-01", Level.COMMUNE, "06088", 2024));
        rejected(Cause.LEVEL_NOT_AVAILABLE, "commune", () -> w.compute("TAB02-03", "commune", "06088", 2024));
    }

    @Test
    void unknownTerritoryCode() {
        rejected(Cause.UNKNOWN_TERRITOIRE, "75", () -> w.compute("TAB03-02", Level.DEPARTEMENT, "75", 2024));
        rejected(Cause.UNKNOWN_TERRITOIRE, "06088", () -> w.compute("TAB03-02", Level.EPCI, "06088", 2024));
        rejected(Cause.UNKNOWN_TERRITOIRE, LYON_1ER, () -> w.compute("TAB04-10", Level.COMMUNE, LYON_1ER, 2024));
        rejected(Cause.UNKNOWN_TERRITOIRE, "FRANCE", () -> w.compute("TAB04-10", Level.NATIONAL, "FRANCE", 2024));
    }

    @Test
    void yearNotCoveredListsTheCoveredYears() {
        rejected(Cause.YEAR_NOT_COVERED, "2023, 2024", () -> w.compute("TAB03-02", Level.NATIONAL, "FR", 2025));
        rejected(Cause.YEAR_NOT_COVERED, "2022", () -> w.compute("TAB03-02", Level.NATIONAL, "FR", 2022));
    }

    @Test
    void concurrentComputationsDoNotShareTheirYear() throws Exception {
        List<Callable<Object>> computations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int millesime = 2023 + i % 2;
            computations.add(() -> Cells.count(MiniWarehouse.unprotected().compute("TAB01-01", Level.NATIONAL, "FR", millesime),
                    "STOCK_FIN", "ensemble"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = pool.invokeAll(computations);
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? 25L : 28L, results.get(i).get(), "stock at 31 Dec " + (2023 + i % 2));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void rejected(Cause cause, String inTheMessage, Executable request) {
        InvalidRequest e = assertThrows(InvalidRequest.class, request);
        assertEquals(cause, e.motif(), e.getMessage());
        assertTrue(e.getMessage().contains(inTheMessage), e.getMessage());
    }
}
