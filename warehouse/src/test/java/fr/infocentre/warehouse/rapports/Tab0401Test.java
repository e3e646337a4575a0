package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.cell;
import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.parts;
import static fr.infocentre.warehouse.fixtures.Cells.published;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB04-01 (ancienneté of the demande at the lease, mean and median waiting time in months) on
 * the mini extract; expected figures worked out by hand in
 * src/test/resources/attendus-series-01-02.md.
 */
class Tab0401Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB04-01", level, code, 2024);
    }

    /** Checks a line's mean and median. */
    private static void delays(RapportTable t, String line, Double mean, Double median) {
        assertEquals(mean, cell(t, line, "delai_moyen"), t.territoire().code() + " " + line + " mean");
        assertEquals(median, cell(t, line, "delai_median"), t.territoire().code() + " " + line + " median");
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("MOINS_1", "1_2", "2_3", "3_4", "4_5", "5_10", "10_PLUS"), Cells.keys(t));
        assertEquals(List.of("< 1 an", "1 à < 2 ans", "2 à < 3 ans", "3 à < 4 ans", "4 à < 5 ans", "5 à < 10 ans",
                "10 ans et plus"), t.lines().stream().map(l -> l.get("categorie")).toList());
        column(t, "effectif", 5, 3, 0, 0, 0, 0, 0);
        parts(t, 62.5, 37.5, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertEquals(8L, t.total().get("effectif"));
        delays(t, "MOINS_1", 6.8, 6.0);
        delays(t, "1_2", 15.3, 15.0);
        delays(t, "5_10", null, null);
        delays(t, "total", 10.0, 9.0);
        assertTrue(t.masks().isEmpty());
        assertEquals(Column.Type.VALUE, t.columns().get(3).type());
    }

    @Test
    void regionDepartementEpci() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "effectif", 2, 1, 0, 0, 0, 0, 0);
            delays(t, "MOINS_1", 7.5, 7.5);
            delays(t, "1_2", 13.0, 13.0);
            delays(t, "total", 9.3, 9.0);
        }
        RapportTable nice = compute(Level.EPCI, METROPOLE_NICE);
        column(nice, "effectif", 1, 1, 0, 0, 0, 0, 0);
        parts(nice, 50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        delays(nice, "total", 11.0, 11.0);
        RapportTable rhone = compute(Level.DEPARTEMENT, "69");
        column(rhone, "effectif", 3, 2, 0, 0, 0, 0, 0);
        parts(rhone, 60.0, 40.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        delays(rhone, "MOINS_1", 6.3, 6.0);
        delays(rhone, "1_2", 16.5, 16.5);
        delays(rhone, "total", 10.4, 9.0);
    }

    @Test
    void atCommuneLevelMeansAndMediansOverFewerThan11AttributionsAreMasked() {
        RapportTable lyon = MiniWarehouse.warehouse().compute("TAB04-01", Level.COMMUNE, LYON, 2024);
        published(lyon, "effectif", null, null, 0L, 0L, 0L, 0L, 0L);
        assertNull(lyon.total().get("effectif"));
        for (String line : List.of("MOINS_1", "1_2", "total")) {
            for (String c : List.of("delai_moyen", "delai_median")) {
                assertNull(cell(lyon, line, c), line + " " + c);
                assertTrue(lyon.masks().contains(new RapportTable.Mask(line, c)), line + " " + c + " listed");
            }
        }
        // no attribution in the bracket: nothing computed, nothing to mask
        assertNull(cell(lyon, "5_10", "delai_moyen"));
        assertTrue(!lyon.masks().contains(new RapportTable.Mask("5_10", "delai_moyen")));
    }
}
