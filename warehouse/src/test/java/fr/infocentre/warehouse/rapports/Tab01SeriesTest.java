package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB01-02 (the stock flow of the associations) on the mini extract; expected figures worked out
 * by hand in src/test/resources/attendus-series-01-02.md (TAB01-01 itself: Tab0101Test).
 */
class Tab01SeriesTest {

    private static RapportTable compute(Level level, String code, int millesime) {
        return MiniWarehouse.unprotected().compute("TAB01-02", level, code, millesime);
    }

    @Test
    void nationalCountsTheThreeAssociationsOnly() {
        RapportTable t = compute(Level.NATIONAL, "FR", 2024);
        assertEquals(Tab0101Test.LINES, Cells.keys(t));
        column(t, "ensemble", 2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0);
        column(t, "mutation", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        column(t, "hors_mutation", 2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0);
        assertNull(t.total());
        assertTrue(t.masks().isEmpty());
        assertEquals("Évolution du stock des demandes des associations", t.rapport().title());
        assertFalse(t.notes().stream().anyMatch(n -> n.startsWith("Hors associations")), t.notes().toString());
    }

    @Test
    void regionDepartementAndEpciOfNice() {
        for (RapportTable t : List.of(compute(Level.REGION, "93", 2024), compute(Level.DEPARTEMENT, "06", 2024),
                compute(Level.EPCI, METROPOLE_NICE, 2024))) {
            column(t, "ensemble", 2, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0);
        }
    }

    @Test
    void rhoneHasOnlyV05() {
        for (RapportTable t : List.of(compute(Level.REGION, "84", 2024), compute(Level.DEPARTEMENT, "69", 2024),
                compute(Level.EPCI, METROPOLE_LYON, 2024))) {
            column(t, "ensemble", 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        }
    }

    @Test
    void year2023() {
        column(compute(Level.NATIONAL, "FR", 2023), "ensemble", 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0);
    }

    @ParameterizedTest
    @CsvSource({"NATIONAL,FR,2024", "NATIONAL,FR,2023", "REGION,93,2024", "REGION,84,2024", "DEPARTEMENT,06,2024",
            "DEPARTEMENT,69,2024", "EPCI,200030195,2024", "EPCI,200046977,2024", "EPCI,240600585,2024"})
    void stockIdentityHoldsInEveryColumn(Level level, String code, int millesime) {
        Tab0101Test.checkIdentity(compute(level, code, millesime));
    }
}
