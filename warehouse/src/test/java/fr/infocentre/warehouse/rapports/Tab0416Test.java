package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.cell;
import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.published;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB04-16 (pression de la demande par typologie) on the mini extract; expected figures worked
 * out by hand in src/test/resources/attendus-series-01-02.md.
 */
class Tab0416Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB04-16", level, code, 2024);
    }

    private static void pressures(RapportTable t, Double... expected) {
        assertEquals(expected.length, t.lines().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], t.lines().get(i).get("pression"),
                    t.territoire().code() + " " + t.lines().get(i).get("cle"));
        }
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"), Cells.keys(t));
        assertEquals("T6 et plus", Cells.line(t, "T6").get("categorie"));
        column(t, "demandes", 8, 8, 6, 6, 0, 0, 0);
        column(t, "attributions", 0, 0, 8, 0, 0, 0, 0);
        pressures(t, null, null, 0.8, null, null, null, null);
        assertEquals(28L, t.total().get("demandes"));
        assertEquals(8L, t.total().get("attributions"));
        assertEquals(3.5, t.total().get("pression"));
        assertTrue(t.masks().isEmpty());
    }

    @Test
    void regionDepartementEpci() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "demandes", 4, 5, 3, 2, 0, 0, 0);
            column(t, "attributions", 0, 0, 3, 0, 0, 0, 0);
            pressures(t, null, null, 1.0, null, null, null, null);
            assertEquals(4.7, t.total().get("pression"));
        }
        RapportTable nice = compute(Level.EPCI, METROPOLE_NICE);
        column(nice, "demandes", 3, 4, 3, 2, 0, 0, 0);
        pressures(nice, null, null, 1.5, null, null, null, null);
        assertEquals(6.0, nice.total().get("pression"));
        RapportTable lyon = compute(Level.EPCI, METROPOLE_LYON);
        column(lyon, "demandes", 4, 3, 3, 4, 0, 0, 0);
        column(lyon, "attributions", 0, 0, 5, 0, 0, 0, 0);
        pressures(lyon, null, null, 0.6, null, null, null, null);
        assertEquals(2.8, lyon.total().get("pression"));
    }

    @Test
    void atCommuneLevelAPressureOverAMaskedCountIsMasked() {
        assertEquals(12L, compute(Level.COMMUNE, NICE).total().get("demandes"));
        RapportTable t = MiniWarehouse.warehouse().compute("TAB04-16", Level.COMMUNE, NICE, 2024); // as published
        published(t, "demandes", null, null, null, null, 0L, 0L, 0L);
        published(t, "attributions", 0L, 0L, null, 0L, 0L, 0L, 0L);
        assertNull(t.total().get("attributions"));
        for (String line : List.of("T1", "T2", "T3", "T4", "total")) {
            assertNull(cell(t, line, "pression"), line);
            assertTrue(t.masks().contains(new RapportTable.Mask(line, "pression")), line + " listed");
        }
        assertTrue(!t.masks().contains(new RapportTable.Mask("T5", "pression")), "0 / 0 hides nothing");
    }
}
