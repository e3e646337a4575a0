package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series03Reference;
import fr.infocentre.warehouse.secret.SecretStatistique;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.parts;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few series-03 figures worked out by hand from the mini extract's demandes.csv, written down
 * in src/test/resources/attendus-serie-03.md (the other figures are checked against the plain
 * route of {@link Series03Reference} by {@link Tab03SeriesTest}).
 */
class Tab03ExpectedTest {

    private static RapportTable compute(String id, Level level, String code) {
        return MiniWarehouse.unprotected().compute(id, level, code, 2024);
    }

    @Test
    void anciennete() {
        RapportTable t = compute("TAB03-01", Level.NATIONAL, "FR");
        column(t, "effectif", 14, 14, 0, 0, 0, 0, 0);
        parts(t, 50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        column(t, "mutation", 3, 7, 0, 0, 0, 0, 0);
        column(t, "hors_mutation", 11, 7, 0, 0, 0, 0, 0);
        assertEquals(28L, t.total().get("effectif"));
    }

    @Test
    void tailleDuMenage() {
        RapportTable t = compute("TAB03-04", Level.NATIONAL, "FR");
        column(t, "effectif", 8, 8, 6, 6, 0, 0, 0);
        parts(t, 28.6, 28.6, 21.4, 21.4, 0.0, 0.0, 0.0);
        column(t, "mutation", 2, 3, 1, 4, 0, 0, 0);
        column(t, "hors_mutation", 6, 5, 5, 2, 0, 0, 0);
        RapportTable rhone = compute("TAB03-04", Level.DEPARTEMENT, "69");
        column(rhone, "effectif", 4, 3, 3, 4, 0, 0, 0);
        parts(rhone, 28.6, 21.4, 21.4, 28.6, 0.0, 0.0, 0.0);
        assertEquals(14L, rhone.total().get("effectif"));
    }

    @Test
    void compositionFamiliale() {
        RapportTable t = compute("TAB03-05", Level.NATIONAL, "FR");
        column(t, "effectif", 8, 4, 10, 3, 3, 0);
        parts(t, 28.6, 14.3, 35.7, 10.7, 10.7, 0.0);
    }

    @Test
    void mutation() {
        RapportTable t = compute("TAB03-13", Level.NATIONAL, "FR");
        column(t, "effectif", 10, 18);
        parts(t, 35.7, 64.3);
        assertEquals("pie", t.rapport().chart());
    }

    @Test
    void canalNationalAndAlpesMaritimes() {
        RapportTable t = compute("TAB03-17", Level.NATIONAL, "FR");
        column(t, "effectif", 25, 3);
        parts(t, 89.3, 10.7);
        column(t, "mutation", 10, 0);
        column(t, "hors_mutation", 15, 3);
        for (RapportTable am : List.of(compute("TAB03-17", Level.DEPARTEMENT, "06"),
                compute("TAB03-17", Level.REGION, "93"))) {
            column(am, "effectif", 12, 2);
            parts(am, 85.7, 14.3);
            column(am, "mutation", 4, 0);
            column(am, "hors_mutation", 8, 2);
        }
    }

    /** Nice: 11 at the guichet (shown), 1 on the PGP (N10, masked), split counts 1 to 10 masked. */
    @Test
    void canalCommuneOfNiceMasksSmallCounts() {
        RapportTable t = compute("TAB03-17", Level.COMMUNE, NICE);
        Cells.published(t, "effectif", 11L, 1L);
        assertEquals(91.7, Cells.cell(t, "GUICHET", "part"));
        Cells.published(t, "mutation", 3L, 0L);
        Cells.published(t, "hors_mutation", 8L, 1L);
        assertEquals(12L, t.total().get("effectif"));
        // as published: every count from 1 to 10 masked (and its share), the 0 shown
        RapportTable published = MiniWarehouse.warehouse().compute("TAB03-17", Level.COMMUNE, NICE, 2024);
        for (String[] c : new String[][]{{"PGP", "effectif"}, {"PGP", "part"}, {"GUICHET", "mutation"},
                {"GUICHET", "hors_mutation"}, {"PGP", "hors_mutation"}, {"total", "mutation"}, {"total", "hors_mutation"}}) {
            assertTrue(published.masks().contains(new RapportTable.Mask(c[0], c[1])), c[0] + " " + c[1]);
        }
        assertEquals(0L, Cells.cell(published, "PGP", "mutation"));
        assertTrue(published.notes().contains(SecretStatistique.NOTE));
    }
}
