package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * TAB04-15 on the mini extract: the 8 attributions of 2024 against the quartile thresholds
 * computed at 31 Dec 2023; worked out by hand in src/test/resources/attendus-plafonds-quartiles.md
 * (section 5). The fixture has no QPV dwelling, no DALO / prioritaire and no renouvellement
 * urbain: only the 1st-quartile part and the denominators are exercised.
 */
class Tab0415Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB04-15", level, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("HORS_QPV_Q1_RU", "QPV_Q2_Q4", "DALO_PRIORITAIRES"), Cells.keys(t));
        column(t, "concernees", 5, 0, 0);
        column(t, "eligibles", 8, 0, 8);
        // rate = concerned × 100 / eligible, one decimal; none when nothing is eligible
        assertEquals(62.5, Cells.cell(t, "HORS_QPV_Q1_RU", "taux"), "5 × 100 / 8");
        assertNull(Cells.cell(t, "QPV_Q2_Q4", "taux"), "no attribution in QPV");
        assertEquals(0.0, Cells.cell(t, "DALO_PRIORITAIRES", "taux"));
        assertEquals("Taux atteint (%)", t.columns().get(3).label());
        assertEquals(Column.Type.PART, t.columns().get(3).type());
    }

    @Test
    void territoires() {
        RapportTable d06 = compute(Level.DEPARTEMENT, "06");
        column(d06, "concernees", 3, 0, 0);
        column(d06, "eligibles", 3, 0, 3);
        RapportTable lyon = compute(Level.EPCI, METROPOLE_LYON);
        column(lyon, "concernees", 2, 0, 0);
        column(lyon, "eligibles", 5, 0, 5);
        assertEquals(40.0, Cells.cell(lyon, "HORS_QPV_Q1_RU", "taux"), "2 × 100 / 5");
        RapportTable nice = compute(Level.EPCI, METROPOLE_NICE);
        column(nice, "concernees", 2, 0, 0);
        column(nice, "eligibles", 2, 0, 2);
    }
}
