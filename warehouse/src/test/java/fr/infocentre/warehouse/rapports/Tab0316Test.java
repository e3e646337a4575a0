package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.parts;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TAB03-16 on the mini extract: thresholds per EPCI at 31 Dec 2024 (quantile_disc) and the
 * quartile of each demande; worked out by hand in src/test/resources/attendus-plafonds-quartiles.md
 * (section 4).
 */
class Tab0316Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB03-16", level, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 8, 6, 8, 6, 0);
        parts(t, 28.6, 21.4, 28.6, 21.4, 0.0);
        column(t, "mutation", 4, 1, 5, 0, 0);
        column(t, "hors_mutation", 4, 5, 3, 6, 0);
        assertEquals(28L, t.total().get("effectif"));
    }

    @Test
    void metropoleNiceSplitsItsTwelveDemandesIntoFourEqualQuarters() {
        RapportTable t = compute(Level.EPCI, METROPOLE_NICE);
        column(t, "effectif", 3, 3, 3, 3, 0);
        parts(t, 25.0, 25.0, 25.0, 25.0, 0.0);
        column(t, "mutation", 1, 0, 2, 0, 0);
    }

    @Test
    void departementsRollUpTheirEpciQuartiles() {
        // 06 = Nice (3/3/3/3) + CA Sophia Antipolis (A02 Q1, A01 Q3)
        column(compute(Level.DEPARTEMENT, "06"), "effectif", 4, 3, 4, 3, 0);
        for (RapportTable t : List.of(compute(Level.DEPARTEMENT, "69"), compute(Level.EPCI, METROPOLE_LYON))) {
            column(t, "effectif", 4, 3, 4, 3, 0);
            column(t, "mutation", 3, 1, 2, 0, 0);
            column(t, "hors_mutation", 1, 2, 2, 3, 0);
        }
    }
}
