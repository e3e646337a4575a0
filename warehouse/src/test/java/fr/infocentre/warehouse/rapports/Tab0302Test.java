package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.secret.SecretStatistique;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.cell;
import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.parts;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB03-02 on the mini extract; expected figures worked out by hand in its README.md (table 3). */
class Tab0302Test {

    private static RapportTable compute(Level level, String code) {
        return MiniWarehouse.unprotected().compute("TAB03-02", level, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR");
        assertEquals(List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74", "75_PLUS", "NON_RENSEIGNE"),
                Cells.keys(t));
        assertEquals("Non renseigné", Cells.line(t, "NON_RENSEIGNE").get("categorie"));
        column(t, "effectif", 4, 4, 4, 4, 4, 4, 2, 2);
        parts(t, 14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 7.1, 7.1);
        column(t, "mutation", 0, 3, 1, 2, 1, 2, 0, 1);
        column(t, "hors_mutation", 4, 1, 3, 2, 3, 2, 2, 1);
        assertEquals(28L, t.total().get("effectif"));
        assertEquals(100.0, t.total().get("part"));
        assertEquals(10L, t.total().get("mutation"));
        assertEquals(18L, t.total().get("hors_mutation"));
        assertTrue(t.masks().isEmpty());
        assertTrue(t.notes().contains("Demandes actives au 31 décembre 2024."), t.notes().toString());
        // the warehouse holds one version of each demande, the extract's of 15/01/2025: the note says so
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Caractéristiques des demandes")
                && n.contains("15/01/2025") && n.contains("2024")), t.notes().toString());
        assertTrue(MiniWarehouse.unprotected().compute("TAB01-01", Level.NATIONAL, "FR", 2024).notes().stream()
                .noneMatch(n -> n.startsWith("Caractéristiques")), "TAB01-01 reads no attribute");
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(compute(Level.REGION, "93"), compute(Level.DEPARTEMENT, "06"))) {
            column(t, "effectif", 2, 1, 2, 3, 2, 2, 1, 1);
            parts(t, 14.3, 7.1, 14.3, 21.4, 14.3, 14.3, 7.1, 7.1);
            column(t, "mutation", 0, 1, 0, 1, 1, 1, 0, 0);
            column(t, "hors_mutation", 2, 0, 2, 2, 1, 1, 1, 1);
            assertEquals(14L, t.total().get("effectif"));
        }
    }

    @Test
    void rhoneAndMetropoleDeLyon() {
        for (RapportTable t : List.of(compute(Level.REGION, "84"), compute(Level.DEPARTEMENT, "69"),
                compute(Level.EPCI, METROPOLE_LYON))) {
            column(t, "effectif", 2, 3, 2, 1, 2, 2, 1, 1);
            parts(t, 14.3, 21.4, 14.3, 7.1, 14.3, 14.3, 7.1, 7.1);
            column(t, "mutation", 0, 2, 1, 1, 0, 1, 0, 1);
            column(t, "hors_mutation", 2, 1, 1, 0, 2, 1, 1, 0);
            assertEquals(14L, t.total().get("effectif"));
            assertEquals(6L, t.total().get("mutation"));
        }
    }

    @Test
    void metropoleNiceCoteDAzur() {
        RapportTable t = compute(Level.EPCI, METROPOLE_NICE);
        column(t, "effectif", 1, 1, 2, 3, 2, 1, 1, 1);
        parts(t, 8.3, 8.3, 16.7, 25.0, 16.7, 8.3, 8.3, 8.3);
        assertEquals(12L, t.total().get("effectif"));
    }

    @Test
    void communeOfLyonIncludesItsArrondissementsAndMasksSmallCounts() {
        // 11 = 7 demandes choosing "69123" + 4 choosing an arrondissement (69381, 69382)
        assertEquals(11L, compute(Level.COMMUNE, LYON).total().get("effectif"));
        RapportTable t = MiniWarehouse.warehouse().compute("TAB03-02", Level.COMMUNE, LYON, 2024); // as published
        for (Object key : Cells.keys(t)) {
            assertEquals(null, cell(t, (String) key, "effectif"), "every category of Lyon holds 1 or 2 demandes");
            assertEquals(null, cell(t, (String) key, "part"));
        }
        // small counts are masked (null), zeros shown or masked as secondary cells
        Cells.publishedOrZeroMasked(t, "mutation", 0L, null, null, null, 0L, null, 0L, null);
        Cells.publishedOrZeroMasked(t, "hors_mutation", null, 0L, null, 0L, null, 0L, null, 0L);
        assertTrue(t.masks().contains(new RapportTable.Mask("25_29", "effectif")));
        assertTrue(t.masks().contains(new RapportTable.Mask("25_29", "part")));
        assertTrue(t.masks().contains(new RapportTable.Mask("total", "mutation")));
        assertTrue(t.notes().contains(SecretStatistique.NOTE));
    }

    @Test
    void communeOfNice() {
        assertEquals(12L, compute(Level.COMMUNE, NICE).total().get("effectif"));
        RapportTable t = MiniWarehouse.warehouse().compute("TAB03-02", Level.COMMUNE, NICE, 2024); // as published
        assertEquals(null, t.total().get("mutation"), "3 mutations: masked");
        assertEquals(null, t.total().get("hors_mutation"), "9: masked");
    }
}
