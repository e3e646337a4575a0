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

/** TAB04-08 on the mini extract; expected figures in src/test/resources/attendus-plafonds-quartiles.md (section 3). */
class Tab0408Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB04-08", level, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("PLAI", "PLAI_PLUS", "PLUS_PLS", "PLUS_DE_PLS", "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 3, 4, 1, 0, 0);
        parts(t, 37.5, 50.0, 12.5, 0.0, 0.0);
        column(t, "mutation", 1, 2, 1, 0, 0);
        column(t, "hors_mutation", 2, 2, 0, 0, 0);
        assertEquals(8L, t.total().get("effectif"));
    }

    @Test
    void departementsAndMetropoles() {
        for (RapportTable t : List.of(compute(Level.DEPARTEMENT, "06"), compute(Level.REGION, "93"))) {
            column(t, "effectif", 3, 0, 0, 0, 0);
            parts(t, 100.0, 0.0, 0.0, 0.0, 0.0);
        }
        for (RapportTable t : List.of(compute(Level.DEPARTEMENT, "69"), compute(Level.EPCI, METROPOLE_LYON))) {
            column(t, "effectif", 0, 4, 1, 0, 0);
            parts(t, 0.0, 80.0, 20.0, 0.0, 0.0);
            column(t, "mutation", 0, 2, 1, 0, 0);
        }
        column(compute(Level.EPCI, METROPOLE_NICE), "effectif", 2, 0, 0, 0, 0);
    }
}
