package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.parts;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.VILLEURBANNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB04-10 on the mini extract; expected figures worked out by hand in its README.md (table 4). */
class Tab0410Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB04-10", level, code, 2024);
    }

    @Test
    void nationalExcludesTheAssociationAndLeasesOutsideTheYear() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("ETAT", "ETAT_FONCTIONNAIRES", "ACTION_LOGEMENT", "COLLECTIVITE", "BAILLEUR", "AUTRE",
                "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 2, 1, 1, 1, 1, 1, 1);
        parts(t, 25.0, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5);
        assertEquals(8L, t.total().get("effectif"));
        assertEquals(100.0, t.total().get("part"));
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "effectif", 2, 0, 0, 1, 0, 0, 0);
            parts(t, 66.7, 0.0, 0.0, 33.3, 0.0, 0.0, 0.0);
            assertEquals(3L, t.total().get("effectif"));
        }
    }

    @Test
    void metropoleNiceCoteDAzur() {
        RapportTable t = compute(Level.EPCI, METROPOLE_NICE);
        column(t, "effectif", 1, 0, 0, 1, 0, 0, 0);
        parts(t, 50.0, 0.0, 0.0, 50.0, 0.0, 0.0, 0.0);
    }

    @Test
    void rhoneAndMetropoleDeLyon() {
        for (RapportTable t : List.of(compute(Level.REGION, "84"), compute(Level.DEPARTEMENT, "69"),
                compute(Level.EPCI, METROPOLE_LYON))) {
            column(t, "effectif", 0, 1, 1, 0, 1, 1, 1);
            parts(t, 0.0, 20.0, 20.0, 0.0, 20.0, 20.0, 20.0);
            assertEquals(5L, t.total().get("effectif"));
        }
    }

    @Test
    void communesAreLocatedByTheDwellingAndFullyMaskedHere() {
        // Lyon: L12's dwelling in the 2nd arrondissement (rolled up), L17 (no réservataire), L18
        RapportTable lyon = MiniWarehouse.warehouse().compute("TAB04-10", Level.COMMUNE, LYON, 2024); // as published
        Cells.publishedOrZeroMasked(lyon, "effectif", 0L, 0L, null, 0L, 0L, null, null);
        Cells.published(lyon, "part", null, null, null, null, null, null, null);
        assertNull(lyon.total().get("effectif"));
        assertTrue(lyon.masks().contains(new RapportTable.Mask("total", "effectif")));
        // Villeurbanne: V04 and L13 (a Lyon demande whose dwelling is in Villeurbanne)
        RapportTable villeurbanne = MiniWarehouse.warehouse().compute("TAB04-10", Level.COMMUNE, VILLEURBANNE, 2024);
        Cells.publishedOrZeroMasked(villeurbanne, "effectif", 0L, null, 0L, 0L, null, 0L, 0L);
    }
}
