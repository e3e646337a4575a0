package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.cellule;
import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.EntrepotMini.LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static fr.infocentre.warehouse.EntrepotMini.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB03-02 on the mini extract; expected figures worked out by hand in its README.md (table 3). */
class Tab0302Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB03-02", niveau, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74", "75_PLUS", "NON_RENSEIGNE"),
                Cellules.cles(t));
        assertEquals("Non renseigné", Cellules.ligne(t, "NON_RENSEIGNE").get("categorie"));
        colonne(t, "effectif", 4, 4, 4, 4, 4, 4, 2, 2);
        parts(t, 14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 7.1, 7.1);
        colonne(t, "mutation", 0, 3, 1, 2, 1, 2, 0, 1);
        colonne(t, "hors_mutation", 4, 1, 3, 2, 3, 2, 2, 1);
        assertEquals(28L, t.total().get("effectif"));
        assertEquals(100.0, t.total().get("part"));
        assertEquals(10L, t.total().get("mutation"));
        assertEquals(18L, t.total().get("hors_mutation"));
        assertTrue(t.masques().isEmpty());
        assertTrue(t.notes().contains("Demandes actives au 31 décembre 2024."), t.notes().toString());
        // the warehouse holds one version of each demande, the extract's of 15/01/2025: the note says so
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Caractéristiques des demandes")
                && n.contains("15/01/2025") && n.contains("2024")), t.notes().toString());
        assertTrue(EntrepotMini.nonProtege().calculer("TAB01-01", Niveau.NATIONAL, "FR", 2024).notes().stream()
                .noneMatch(n -> n.startsWith("Caractéristiques")), "TAB01-01 reads no attribute");
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93"), calculer(Niveau.DEPARTEMENT, "06"))) {
            colonne(t, "effectif", 2, 1, 2, 3, 2, 2, 1, 1);
            parts(t, 14.3, 7.1, 14.3, 21.4, 14.3, 14.3, 7.1, 7.1);
            colonne(t, "mutation", 0, 1, 0, 1, 1, 1, 0, 0);
            colonne(t, "hors_mutation", 2, 0, 2, 2, 1, 1, 1, 1);
            assertEquals(14L, t.total().get("effectif"));
        }
    }

    @Test
    void rhoneAndMetropoleDeLyon() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "84"), calculer(Niveau.DEPARTEMENT, "69"),
                calculer(Niveau.EPCI, METROPOLE_LYON))) {
            colonne(t, "effectif", 2, 3, 2, 1, 2, 2, 1, 1);
            parts(t, 14.3, 21.4, 14.3, 7.1, 14.3, 14.3, 7.1, 7.1);
            colonne(t, "mutation", 0, 2, 1, 1, 0, 1, 0, 1);
            colonne(t, "hors_mutation", 2, 1, 1, 0, 2, 1, 1, 0);
            assertEquals(14L, t.total().get("effectif"));
            assertEquals(6L, t.total().get("mutation"));
        }
    }

    @Test
    void metropoleNiceCoteDAzur() {
        RapportTable t = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(t, "effectif", 1, 1, 2, 3, 2, 1, 1, 1);
        parts(t, 8.3, 8.3, 16.7, 25.0, 16.7, 8.3, 8.3, 8.3);
        assertEquals(12L, t.total().get("effectif"));
    }

    @Test
    void communeOfLyonIncludesItsArrondissementsAndMasksSmallCounts() {
        // 11 = 7 demandes choosing "69123" + 4 choosing an arrondissement (69381, 69382)
        assertEquals(11L, calculer(Niveau.COMMUNE, LYON).total().get("effectif"));
        RapportTable t = EntrepotMini.warehouse().calculer("TAB03-02", Niveau.COMMUNE, LYON, 2024); // as published
        for (Object cle : Cellules.cles(t)) {
            assertEquals(null, cellule(t, (String) cle, "effectif"), "every category of Lyon holds 1 or 2 demandes");
            assertEquals(null, cellule(t, (String) cle, "part"));
        }
        // zeros stay visible, small counts do not (null = masked)
        Cellules.publiee(t, "mutation", 0L, null, null, null, 0L, null, 0L, null);
        Cellules.publiee(t, "hors_mutation", null, 0L, null, 0L, null, 0L, null, 0L);
        assertTrue(t.masques().contains(new RapportTable.Masque("25_29", "effectif")));
        assertTrue(t.masques().contains(new RapportTable.Masque("25_29", "part")));
        assertTrue(t.masques().contains(new RapportTable.Masque("total", "mutation")));
        assertTrue(t.notes().contains(SecretStatistique.NOTE));
    }

    @Test
    void communeOfNice() {
        assertEquals(12L, calculer(Niveau.COMMUNE, NICE).total().get("effectif"));
        RapportTable t = EntrepotMini.warehouse().calculer("TAB03-02", Niveau.COMMUNE, NICE, 2024); // as published
        assertEquals(null, t.total().get("mutation"), "3 mutations: masked");
        assertEquals(null, t.total().get("hors_mutation"), "9: masked");
    }
}
