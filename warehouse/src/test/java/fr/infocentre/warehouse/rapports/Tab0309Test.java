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
 * TAB03-09 on the mini extract; expected figures worked out by hand in
 * src/test/resources/attendus-plafonds-quartiles.md (section 2), from the fixture and
 * plafonds-ressources.csv (2024, AUTRES_REGIONS), never read off the engine.
 */
class Tab0309Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB03-09", level, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("PLAI", "PLAI_PLUS", "PLUS_PLS", "PLUS_DE_PLS", "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 15, 11, 2, 0, 0);
        parts(t, 53.6, 39.3, 7.1, 0.0, 0.0);
        column(t, "mutation", 6, 4, 0, 0, 0);
        column(t, "hors_mutation", 9, 7, 2, 0, 0);
        assertEquals(28L, t.total().get("effectif"));
        assertEquals(10L, t.total().get("mutation"));
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "effectif", 11, 3, 0, 0, 0);
            parts(t, 78.6, 21.4, 0.0, 0.0, 0.0);
            column(t, "mutation", 3, 1, 0, 0, 0);
            column(t, "hors_mutation", 8, 2, 0, 0, 0);
        }
    }

    @Test
    void metropoles() {
        RapportTable lyon = compute(Level.EPCI, METROPOLE_LYON);
        column(lyon, "effectif", 4, 8, 2, 0, 0);
        parts(lyon, 28.6, 57.1, 14.3, 0.0, 0.0);
        column(lyon, "mutation", 3, 3, 0, 0, 0);
        column(lyon, "hors_mutation", 1, 5, 2, 0, 0);
        RapportTable nice = compute(Level.EPCI, METROPOLE_NICE);
        column(nice, "effectif", 10, 2, 0, 0, 0);
        assertEquals(12L, nice.total().get("effectif"));
    }
}
