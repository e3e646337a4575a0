package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** TAB02-03 on the mini extract; expected figures worked out by hand in its README.md (table 2). */
class Tab0203Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB02-03", level, code, 2024);
    }

    @Test
    void nationalMonthEndStocks() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        column(t, "effectif", 27, 28, 29, 28, 28, 28, 27, 27, 28, 28, 28, 28);
        assertEquals(List.of("janvier 2024", "février 2024", "mars 2024", "avril 2024", "mai 2024", "juin 2024",
                "juillet 2024", "août 2024", "septembre 2024", "octobre 2024", "novembre 2024", "décembre 2024"),
                t.lines().stream().map(l -> l.get("categorie")).toList());
        assertNull(t.total());
        assertEquals("line", t.rapport().chart());
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "effectif", 12, 13, 12, 12, 12, 14, 13, 14, 15, 14, 15, 14);
        }
    }

    @Test
    void metropoleNiceCoteDAzur() {
        column(compute(Level.EPCI, METROPOLE_NICE), "effectif", 10, 11, 11, 11, 11, 13, 12, 12, 13, 12, 13, 12);
    }

    @Test
    void rhoneAndMetropoleDeLyon() {
        for (RapportTable t : List.of(compute(Level.REGION, "84"), compute(Level.DEPARTEMENT, "69"),
                compute(Level.EPCI, METROPOLE_LYON))) {
            column(t, "effectif", 15, 15, 17, 16, 16, 14, 14, 13, 13, 14, 13, 14);
        }
    }
}
